package lambdamodel

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// findInit fills m.Init: the package initializer, which runs the
// package-level variable initializers and the init functions, and, in a
// main package that starts serving, main up to that call.
func (m *Model) findInit() {
	if init := m.Pkg.Func("init"); init != nil && init.Blocks != nil {
		m.Init = append(m.Init, Root{Kind: "init", Pos: FuncPos(init), Local: init})
	}
	main := m.Pkg.Func("main")
	if m.Pkg.Pkg.Name() != "main" || main == nil || main.Blocks == nil {
		return
	}
	serve := servingCall(main, m.isAzureCustomHandler())
	if serve == nil {
		return // not a function's main, so no call marks the end of INIT
	}
	r := Root{Kind: "main", Pos: FuncPos(main), Local: main, Before: serve}
	r.prefix = blocksBefore(serve.Block())
	m.Init = append(m.Init, r)
}

// servingCall returns the first call in main that hands control to the
// platform: lambda.Start and its kin, funcframework.Start, or, in an
// Azure custom handler, an HTTP server's ListenAndServe or Serve.
func servingCall(main *ssa.Function, azure bool) ssa.Instruction {
	for _, b := range main.DomPreorder() {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue // not a call
			}
			if fn := staticFunc(call.Common()); fn != nil && isServing(fn, azure) {
				return instr
			}
		}
	}
	return nil
}

// isServing reports whether fn starts serving invocations and does not
// return while the environment lives.
func isServing(fn *types.Func, azure bool) bool {
	if fn.Pkg() == nil {
		return false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch {
	case path == lambdaPkg:
		return strings.HasPrefix(name, "Start")
	case path == gcfFramework:
		return strings.HasPrefix(name, "Start")
	case path == algnhsaPkg:
		return name == "ListenAndServe"
	case path == lambdaURLPkg:
		return name == "Start"
	case path == "net/http" && azure:
		return name == "ListenAndServe" || name == "ListenAndServeTLS" || name == "Serve" || name == "ServeTLS"
	}
	return false
}

// blocksBefore returns the blocks from which b can be reached, b
// excluded unless it lies on a loop.
func blocksBefore(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), b.Preds...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Preds...)
	}
	return seen
}
