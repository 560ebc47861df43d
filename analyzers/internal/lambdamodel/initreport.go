package lambdamodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// InitCheck adds what a check of INIT code needs to Check: the faults
// that the initialization of each imported package causes, which travel
// as package facts.
type InitCheck struct {
	*Check

	// ImportedInit returns the faults that initializing an imported
	// package causes, from its package fact.
	ImportedInit func(pkg *types.Package) []Fault

	// ExportInit stores the faults that initializing this package
	// causes, its imports included, as a package fact.
	ExportInit func(faults []Fault)

	// Allowed reports whether a call of fn in INIT code is accepted as
	// it is.
	Allowed func(fn *types.Func) bool
}

// ReportInit reports the faults of INIT code at the outermost call in
// it: the call in a package-level variable initializer, in an init
// function, or in main before serving starts. The faults of the imported
// packages' initialization are reported at their import. Packages that
// serve no handler only export their faults, because a function platform
// may never run them.
func (c *InitCheck) ReportInit() {
	m := c.Model
	report := c.reporter()
	if !m.Serves {
		report = func(analysis.Diagnostic) {}
	}
	var own []Fault
	for i := range m.Init {
		own = append(own, c.reportRoot(&m.Init[i], report)...)
	}
	own = append(own, c.reportImports(report)...)
	c.ExportInit(normalise(own))
}

// reportRoot reports the faults of one INIT root and returns them as
// seen from the package's initialization.
func (c *InitCheck) reportRoot(root *Root, report func(analysis.Diagnostic)) []Fault {
	m := c.Model
	var all []Fault
	for _, fn := range c.topFuncs(root) {
		skip := localOnlyBlocks(fn)
		inRoot := fn == root.Local
		for _, lf := range c.localFaults(fn) {
			if inRoot && !root.Includes(lf.Instr) || lf.Instr != nil && skip[lf.Instr.Block()] {
				continue // after INIT, or in code that runs only outside the platform
			}
			report(analysis.Diagnostic{Pos: lf.Pos, End: lf.End, Message: lf.Message, SuggestedFixes: lf.Fixes})
			all = append(all, Fault{Message: lf.Message, Site: c.position(lf.Pos)})
		}
		for _, e := range m.Edges[fn] {
			if e.Kind != Call && e.Kind != Defer && e.Kind != GoJoined || inRoot && !root.Includes(e.Instr) {
				continue // does not block INIT, or runs after it
			}
			if e.Instr != nil && skip[e.Instr.Block()] {
				continue // runs only outside the platform
			}
			var faults []Fault
			switch {
			case e.Local != nil && !isInitFunc(e.Local):
				if obj, ok := e.Local.Object().(*types.Func); ok && c.Allowed(obj) {
					continue // accepted by the user
				}
				for _, f := range c.faults[e.Local] {
					faults = append(faults, c.extendLocal(f, e.Local, e.Pos))
				}
			case e.Foreign != nil:
				if c.Allowed(e.Foreign) {
					continue // accepted by the user
				}
				faults = c.extendAll(c.imported(e.Foreign).Faults, e.Foreign, e.Pos)
			}
			c.reportGrouped(faults, e.Pos, nil, report)
			all = append(all, faults...)
		}
	}
	return all
}

// topFuncs returns the functions whose calls are the outermost calls of
// an INIT root: the package initializer with the init functions it
// calls, or main.
func (c *InitCheck) topFuncs(root *Root) []*ssa.Function {
	funcs := []*ssa.Function{root.Local}
	if root.Kind != "init" {
		return funcs
	}
	for _, e := range c.Model.Edges[root.Local] {
		if e.Local != nil && isInitFunc(e.Local) {
			funcs = append(funcs, e.Local)
		}
	}
	return funcs
}

// isInitFunc reports whether fn is an init function of the package,
// which SSA names init#1, init#2, ….
func isInitFunc(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Synthetic == "" && strings.HasPrefix(fn.Name(), "init#")
}

// reportImports reports, at each import, the faults that initializing
// the imported package causes, and returns them all as seen from this
// package.
func (c *InitCheck) reportImports(report func(analysis.Diagnostic)) []Fault {
	var all []Fault
	seen := make(map[Position]bool) // sites reported at an earlier import
	for _, file := range c.Pass.Files {
		for _, spec := range file.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			imp := importedPackage(c.Pass.Pkg, path)
			if imp == nil {
				continue // not type-checked, or "C"
			}
			var faults []Fault
			for _, f := range c.ImportedInit(imp) {
				if seen[f.Site] {
					continue
				}
				seen[f.Site] = true
				faults = append(faults, prepend(f, Step{Callee: imp.Name() + ".init", Pos: c.position(spec.Pos())}))
			}
			c.reportGrouped(faults, spec.Pos(), nil, report)
			all = append(all, faults...)
		}
	}
	return all
}

// importedPackage returns the package that pkg imports under path.
func importedPackage(pkg *types.Package, path string) *types.Package {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// localOnlyBlocks returns the blocks of fn that run only when the
// AWS_LAMBDA_FUNCTION_NAME environment variable is empty or unset, that
// is outside Lambda. They are the blocks dominated by the branch where
// `os.Getenv("AWS_LAMBDA_FUNCTION_NAME") == ""` holds, or by the branch
// of a failed os.LookupEnv of it.
func localOnlyBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	out := make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		var local *ssa.BasicBlock
		switch x := cond.Cond.(type) {
		case *ssa.BinOp: // os.Getenv(name) == ""
			if comparesLambdaNameToEmpty(x) {
				local = b.Succs[0]
				if x.Op == token.NEQ {
					local = b.Succs[1]
				}
			}
		case *ssa.UnOp: // _, ok := os.LookupEnv(name); if !ok
			if x.Op == token.NOT && isLambdaNameFound(x.X) {
				local = b.Succs[0]
			}
		default: // if ok
			if isLambdaNameFound(x) {
				local = b.Succs[1]
			}
		}
		if local == nil {
			continue
		}
		for _, d := range fn.Blocks {
			if local.Dominates(d) {
				out[d] = true
			}
		}
	}
	return out
}

// isLambdaNameFound reports whether v is the second result of
// os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"), true on Lambda.
func isLambdaNameFound(v ssa.Value) bool {
	x, ok := v.(*ssa.Extract)
	if !ok || x.Index != 1 {
		return false
	}
	call, ok := x.Tuple.(*ssa.Call)
	return ok && isEnvLookup(call, "LookupEnv")
}

// isEnvLookup reports whether call is os.<name>("AWS_LAMBDA_FUNCTION_NAME").
func isEnvLookup(call *ssa.Call, name string) bool {
	fn := staticFunc(call.Common())
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != name || len(call.Common().Args) != 1 {
		return false
	}
	arg, ok := call.Common().Args[0].(*ssa.Const)
	return ok && arg.Value != nil && arg.Value.Kind() == constant.String &&
		constant.StringVal(arg.Value) == "AWS_LAMBDA_FUNCTION_NAME"
}

// comparesLambdaNameToEmpty reports whether cmp compares
// os.Getenv("AWS_LAMBDA_FUNCTION_NAME") with "".
func comparesLambdaNameToEmpty(cmp *ssa.BinOp) bool {
	if cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false
	}
	x, y := cmp.X, cmp.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	k, ok := y.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String || constant.StringVal(k.Value) != "" {
		return false
	}
	call, ok := x.(*ssa.Call)
	return ok && isEnvLookup(call, "Getenv")
}
