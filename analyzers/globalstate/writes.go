package globalstate

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// writes records the writes of instr into package-level state, and
// what it writes through the function's pointer parameters.
func (c *checker) writes(f *flow, instr ssa.Instruction) {
	switch x := instr.(type) {
	case *ssa.Store:
		l := f.labelsOf(x.Val) | f.pointee(x.Val)
		c.write(f, x.Addr, l, c.storePos(x), false)
	case *ssa.MapUpdate:
		l := f.labelsOf(x.Key) | f.labelsOf(x.Value) | f.pointee(x.Value)
		c.write(f, x.Map, l, c.storePos(x), true)
	case *ssa.MakeClosure:
		// The body of a func literal runs with what it captured, when
		// sync.Once or any caller runs it.
		fn, ok := x.Fn.(*ssa.Function)
		if fl := c.flows[fn]; ok && fl != nil {
			args := append(make([]labels, len(fn.Params)), bindings(f, x)...)
			once := isOnceBody(x)
			for _, s := range fl.sinks {
				if once {
					s.once = true
				}
				c.addSink(f, s, compose(s.labels, args), x.Pos(), "func literal")
			}
		}
	case ssa.CallInstruction:
		c.callWrites(f, x)
	}
}

// isOnceBody reports whether a func literal is run by sync.Once or
// wrapped by sync.OnceFunc, OnceValue or OnceValues.
func isOnceBody(mc *ssa.MakeClosure) bool {
	if mc.Referrers() == nil {
		return false
	}
	for _, ref := range *mc.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := analysisutil.Callee(call.Common())
		if callee != nil && callee.Pkg() != nil && callee.Pkg().Path() == "sync" &&
			slices.Contains([]string{"Do", "OnceFunc", "OnceValue", "OnceValues"}, callee.Name()) {
			return true
		}
	}
	return false
}

// write records a store of l at addr.
func (c *checker) write(f *flow, addr ssa.Value, l labels, pos token.Pos, isMap bool) {
	if l == 0 {
		return
	}
	if isMap && c.probed[mapKey(f.fn, addr)] {
		// TODO: a keyed cache that hands one caller's entry to another
		// caller with the same key is missed.
		return
	}
	switch kind, r := root(addr); kind {
	case globalAddr:
		if c.library {
			return
		}
		f.sinks = append(f.sinks, sink{labels: l, pos: pos, target: describe(r.(*ssa.Global), isMap, c.pass.Pkg)})
	case paramAddr:
		if i, ok := f.inputs[r]; ok {
			f.stores[i] |= l
		}
	}
}

// callWrites records the writes that a call makes into package-level
// state: those its callees make, and those into package-level values
// passed to callees that store into their arguments.
func (c *checker) callWrites(f *flow, call ssa.CallInstruction) {
	args := c.inputsOf(f, call)
	pos := c.model.CallPos(call)
	local, foreign := c.calleeFlows(call)

	for _, fl := range local {
		for _, s := range fl.sinks {
			c.addSink(f, s, compose(s.labels, args), pos, lambdamodel.Name(fl.fn))
		}
		for i, l := range fl.stores {
			c.argWrite(f, call, i, compose(l, args), pos, []lambdamodel.Step{{Callee: c.pass.Pkg.Name() + "." + lambdamodel.Name(fl.fn), Pos: c.check.Position(pos)}})
		}
	}
	for _, fn := range foreign {
		fact := c.fact(fn)
		if fact == nil {
			continue
		}
		first := lambdamodel.Step{Callee: lambdamodel.QualifiedName(fn), Pos: c.check.Position(pos)}
		for _, s := range fact.Sinks {
			l := compose(labels(s.Inputs), args)
			if l == 0 {
				continue
			}
			f.sinks = append(f.sinks, sink{
				labels: l,
				pos:    pos,
				target: s.Target,
				chain:  append([]lambdamodel.Step{first}, s.Chain...),
				site:   s.Site,
			})
		}
		for _, st := range fact.Stores {
			c.argWrite(f, call, st.Param, compose(labels(st.Inputs), args), pos, []lambdamodel.Step{first})
		}
	}

	if len(local) == 0 && len(foreign) == 0 || !c.summarised(call) {
		c.knownStores(f, call, args, pos)
	}
}

// addSink adds to f a write that a callee or a func literal makes.
func (c *checker) addSink(f *flow, s sink, l labels, pos token.Pos, name string) {
	if l == 0 {
		return
	}
	s.labels = l
	s.path = append([]step{{callee: name, pos: pos}}, s.path...)
	f.sinks = append(f.sinks, s)
}

// argWrite records that a call writes l through argument i.
func (c *checker) argWrite(f *flow, call ssa.CallInstruction, i int, l labels, pos token.Pos, chain []lambdamodel.Step) {
	common := call.Common()
	var arg ssa.Value
	switch {
	case common.IsInvoke() && i == 0:
		arg = common.Value
	case common.IsInvoke():
		if i-1 < len(common.Args) {
			arg = common.Args[i-1]
		}
	case i < len(common.Args):
		arg = common.Args[i]
	}
	if arg == nil || l == 0 {
		return
	}
	switch kind, r := root(arg); kind {
	case globalAddr:
		if c.library {
			return
		}
		f.sinks = append(f.sinks, sink{labels: l, pos: pos, target: describe(r.(*ssa.Global), false, c.pass.Pkg), chain: chain})
	case paramAddr:
		if j, ok := f.inputs[r]; ok {
			f.stores[j] |= l
		}
	}
}

// knownStores records the writes of the standard library's containers
// that keep what they are given: sync.Map and atomic values.
func (c *checker) knownStores(f *flow, call ssa.CallInstruction, args []labels, pos token.Pos) {
	callee := analysisutil.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil || callee.Signature().Recv() == nil || len(args) < 2 {
		return
	}
	recv := ""
	if n := analysisutil.NamedOf(callee.Signature().Recv().Type()); n != nil {
		recv = n.Obj().Name()
	}
	stores := false
	switch callee.Pkg().Path() {
	case "sync":
		stores = recv == "Map" && slices.Contains([]string{"Store", "LoadOrStore", "Swap", "CompareAndSwap"}, callee.Name())
	case "sync/atomic":
		stores = slices.Contains([]string{"Store", "Swap", "CompareAndSwap"}, callee.Name())
	}
	if !stores {
		return
	}
	var in labels
	for _, l := range args[1:] {
		in |= l
	}
	c.argWrite(f, call, 0, in, pos, nil)
}
