package tmpleak

import (
	"cmp"
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// judge decides whether a creation in fn leaks, and describes it.
func (c *checker) judge(fn *ssa.Function, cr *creation) (string, bool) {
	if cr.path.kind == inTempDir && c.dirRemoved(cr.path.dir) {
		return "", false // inside a per-invocation directory that is removed
	}
	if cr.path.kind == inTempDir {
		return "", false // the directory itself is reported, once for the whole tree
	}
	if cr.temp == "" && cr.path.kind == fixedPath && statGuarded(fn, cr) {
		return "", false // a cache written only when absent
	}
	removals := c.removals(fn, cr)
	if slices.ContainsFunc(removals, func(r ssa.CallInstruction) bool { _, ok := r.(*ssa.Defer); return ok }) {
		return "", false // removed when the function returns
	}
	if removedOnEveryPath(fn, cr, removals) {
		return "", false
	}

	never := "is never removed"
	if len(removals) > 0 {
		never = "is not removed on every return path"
	}
	switch {
	case cr.temp == "os.CreateTemp":
		return "temporary file from os.CreateTemp " + never + ", so /tmp fills up across invocations", true
	case cr.temp == "os.MkdirTemp":
		return "temporary directory from os.MkdirTemp " + never + ", so /tmp fills up across invocations", true
	case cr.path.kind == fixedPath:
		return cr.path.text + " is shared by every invocation in this environment and " + never, true
	}
	return "file " + cr.path.text + ", named at run time, " + never + ", so files pile up in /tmp across invocations", true
}

// dirRemoved reports whether the directory that an os.MkdirTemp call
// returns is removed by its function.
func (c *checker) dirRemoved(dir *ssa.Call) bool {
	fn := dir.Parent()
	cr := &creation{instr: dir, value: extract(dir, 0), errv: extract(dir, 1), temp: "os.MkdirTemp"}
	removals := c.removals(fn, cr)
	for _, r := range removals {
		if _, ok := r.(*ssa.Defer); ok {
			return true
		}
	}
	return removedOnEveryPath(fn, cr, removals)
}

// removals returns the calls in fn that remove what cr created: the
// path itself, the file's Name, a parent it was joined to, or a
// function of the package that removes its argument.
func (c *checker) removals(fn *ssa.Function, cr *creation) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, arg := range c.removedArgs(call.Common()) {
				if matches(arg, cr) {
					out = append(out, call)
				}
			}
			if d, ok := call.(*ssa.Defer); ok && c.closureRemoves(d, cr) {
				out = append(out, call)
			}
		}
	}
	return out
}

// closureRemoves reports whether a deferred func literal removes what
// cr created, as in defer func() { f.Close(); os.Remove(f.Name()) }().
func (c *checker) closureRemoves(d *ssa.Defer, cr *creation) bool {
	mc, ok := d.Call.Value.(*ssa.MakeClosure)
	if !ok {
		return false
	}
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	// What each free variable of the literal holds in the caller: a
	// value, or the cell of a captured variable.
	outer := make(map[ssa.Value]ssa.Value)
	for j, fv := range fn.FreeVars {
		if j < len(mc.Bindings) {
			outer[fv] = mc.Bindings[j]
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, arg := range c.removedArgs(call.Common()) {
				if matches(translate(arg, outer), cr) {
					return true
				}
			}
		}
	}
	return false
}

// translate maps a value of a func literal to the caller's value it
// stands for: a free variable to its binding, a load of a captured
// variable to the value stored in its cell, and f.Name() likewise.
func translate(v ssa.Value, outer map[ssa.Value]ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.FreeVar:
		if b, ok := outer[x]; ok {
			return b
		}
	case *ssa.UnOp:
		if cell, ok := translate(x.X, outer).(*ssa.Alloc); ok {
			return storedIn(cell)
		}
	case *ssa.Call:
		if len(x.Common().Args) == 1 && isNameOf(x, x.Common().Args[0]) {
			if f := translate(x.Common().Args[0], outer); f != x.Common().Args[0] {
				return nameCall{file: f}
			}
		}
	}
	return v
}

// storedIn returns the value stored in a cell, when only one is.
func storedIn(cell *ssa.Alloc) ssa.Value {
	var val ssa.Value
	for _, ref := range *cell.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == ssa.Value(cell) {
			if val != nil {
				return cell // stored more than once
			}
			val = st.Val
		}
	}
	if val == nil {
		return cell
	}
	return val
}

// removedArgs returns the arguments that a call removes: the path of
// os.Remove and os.RemoveAll, and the arguments of a function of the
// program that passes its parameter to one of them.
func (c *checker) removedArgs(common *ssa.CallCommon) []ssa.Value {
	callee := analysisutil.Callee(common)
	if callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "os" &&
		(callee.Name() == "Remove" || callee.Name() == "RemoveAll") && len(common.Args) == 1 {
		return common.Args
	}
	fn := common.StaticCallee()
	if fn == nil || fn.Blocks == nil {
		// A function of another package that removes its argument.
		var f summaryFact
		if callee == nil || common.IsInvoke() || !c.pass.ImportObjectFact(callee, &f) {
			return nil
		}
		var out []ssa.Value
		for _, i := range f.Removes {
			if i < len(common.Args) {
				out = append(out, common.Args[i])
			}
		}
		return out
	}
	var out []ssa.Value
	for i, p := range fn.Params {
		if i < len(common.Args) && removesParam(fn, p) {
			out = append(out, common.Args[i])
		}
	}
	return out
}

// removesParam reports whether fn passes p to os.Remove or os.RemoveAll.
func removesParam(fn *ssa.Function, p *ssa.Parameter) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := analysisutil.Callee(call.Common())
			if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "os" || (callee.Name() != "Remove" && callee.Name() != "RemoveAll") {
				continue
			}
			if args := call.Common().Args; len(args) == 1 && (args[0] == ssa.Value(p) || isNameOf(args[0], p)) {
				return true
			}
		}
	}
	return false
}

// matches reports whether a removed path denotes what cr created.
func matches(arg ssa.Value, cr *creation) bool {
	if n, ok := arg.(nameCall); ok {
		return cr.file && n.file == cr.value
	}
	switch {
	case cr.value != nil && arg == cr.value:
		return true
	case cr.file && isNameOf(arg, cr.value):
		return true
	case sameConstant(arg, cr.value):
		return true
	}
	// A parent directory that the path was joined to.
	if call, ok := cr.value.(*ssa.Call); ok {
		if callee := analysisutil.Callee(call.Common()); callee != nil && callee.Name() == "Join" && len(call.Common().Args) == 1 {
			if parts := analysisutil.VariadicElems(call.Common().Args[0]); len(parts) > 0 && (parts[0] == arg || sameConstant(parts[0], arg)) {
				return true
			}
		}
	}
	return false
}

// nameCall stands for f.Name() of a file f of the caller, seen from a
// func literal.
type nameCall struct {
	ssa.Value
	file ssa.Value
}

// isNameOf reports whether v is f.Name() for the *os.File f.
func isNameOf(v, f ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || f == nil {
		return false
	}
	callee := analysisutil.Callee(call.Common())
	return callee != nil && callee.Name() == "Name" && analysisutil.IsNamed(callee.Signature().Recv().Type(), "os", "File") &&
		len(call.Common().Args) == 1 && call.Common().Args[0] == f
}

func sameConstant(a, b ssa.Value) bool {
	x, ok1 := a.(*ssa.Const)
	y, ok2 := b.(*ssa.Const)
	return ok1 && ok2 && x.Value != nil && y.Value != nil && constant.Compare(x.Value, token.EQL, y.Value)
}

// removedOnEveryPath reports whether every return that can follow the
// creation, where the creation succeeded, comes after a removal.
func removedOnEveryPath(fn *ssa.Function, cr *creation, removals []ssa.CallInstruction) bool {
	start := cr.instr.Block()
	failed := failureBlocks(fn, cr.errv)
	reach := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{start}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if reach[b] || failed[b] {
			continue
		}
		reach[b] = true
		work = append(work, b.Succs...)
	}
	for b := range reach {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); !ok {
			continue
		}
		covered := false
		for _, r := range removals {
			rb := r.Block()
			if reach[rb] && rb.Dominates(b) && (rb != start || after(start, cr.instr, r)) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// after reports whether instruction y follows x in block b.
func after(b *ssa.BasicBlock, x, y ssa.Instruction) bool {
	return slices.Index(b.Instrs, x) < slices.Index(b.Instrs, y)
}

// failureBlocks returns the blocks that run only when err is not nil.
func failureBlocks(fn *ssa.Function, err ssa.Value) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	if err == nil || err.Referrers() == nil {
		return out
	}
	for _, ref := range *err.Referrers() {
		cmp, ok := ref.(*ssa.BinOp)
		if !ok || cmp.Op != token.NEQ && cmp.Op != token.EQL || cmp.Referrers() == nil {
			continue
		}
		for _, use := range *cmp.Referrers() {
			cond, ok := use.(*ssa.If)
			if !ok {
				continue
			}
			failing := cond.Block().Succs[0] // err != nil holds
			if cmp.Op == token.EQL {
				failing = cond.Block().Succs[1]
			}
			if len(failing.Preds) != 1 {
				// The branch joins the success path, as the block after
				// "if err == nil { ... }" does, so it is not a failure
				// branch.
				continue
			}
			for _, b := range fn.Blocks {
				if failing.Dominates(b) {
					out[b] = true
				}
			}
		}
	}
	return out
}

// statGuarded reports whether the creation runs after an os.Stat or
// os.Lstat of the same path, as a cache filled only when absent.
func statGuarded(fn *ssa.Function, cr *creation) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := analysisutil.Callee(call.Common())
			if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "os" || (callee.Name() != "Stat" && callee.Name() != "Lstat") {
				continue
			}
			args := call.Common().Args
			if len(args) == 1 && (args[0] == cr.value || sameConstant(args[0], cr.value)) && b.Dominates(cr.instr.Block()) {
				return true
			}
		}
	}
	return false
}

func sortByPos(diags []analysis.Diagnostic) []analysis.Diagnostic {
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	return diags
}
