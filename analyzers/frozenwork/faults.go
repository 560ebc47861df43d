package frozenwork

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// The messages name the API and what Lambda does to the work it leaves
// running.
const (
	msgGo        = "goroutine started in handler code is not joined before the handler returns, so Lambda freezes it with the environment and it resumes in a later invocation or never"
	msgGroupGo   = "goroutine started by %s in handler code is not waited for before the handler returns, so Lambda freezes it with the environment and it resumes in a later invocation or never"
	msgAfterFunc = "time.AfterFunc in handler code is not stopped before the handler returns, so its func runs in a later invocation, once Lambda thaws the environment, or never"
	msgTicker    = "time.NewTicker in handler code is not stopped before the handler returns, so the ticker outlives the invocation and fires again once Lambda thaws the environment"
	msgTimer     = "time.NewTimer in handler code is neither stopped nor waited for before the handler returns, so the timer outlives the invocation and fires once Lambda thaws the environment"
	msgTick      = "time.Tick in handler code starts a ticker that cannot be stopped, so it outlives the invocation and fires again once Lambda thaws the environment"
)

// localFaults returns the goroutines and timers that fn starts and
// leaves running when it returns.
func (c *checker) localFaults(fn *ssa.Function) []lambdamodel.LocalFault {
	if c.library {
		return nil
	}
	var out []lambdamodel.LocalFault
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Go:
				if !c.goroutineJoined(fn, x) {
					out = append(out, c.goFault(x))
				}
			case *ssa.Call:
				if msg := c.checkCall(fn, x); msg != "" {
					out = append(out, c.callFault(x, msg))
				}
			}
		}
	}
	return out
}

// checkCall returns the message for a call that starts a goroutine or a
// timer and leaves it running, or "".
func (c *checker) checkCall(fn *ssa.Function, call *ssa.Call) string {
	callee := analysisutil.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil {
		return "" // a dynamic call
	}
	switch {
	case isGroupGo(callee):
		if !c.groupJoined(fn, call) {
			return fmt.Sprintf(msgGroupGo, lambdamodel.QualifiedName(callee))
		}
	case isTimeFunc(callee, "AfterFunc"):
		if !afterFuncSettled(fn, call) {
			return msgAfterFunc
		}
	case isTimeFunc(callee, "NewTicker"):
		if u := trace(call, call); !u.escapes && !u.calls("Stop") {
			return msgTicker
		}
	case isTimeFunc(callee, "NewTimer"):
		if u := trace(call, call); !u.escapes && !u.calls("Stop") && !u.received {
			return msgTimer
		}
	case isTimeFunc(callee, "Tick"):
		return msgTick
	}
	return ""
}

// goFault returns the fault of a go statement, placed from its keyword
// to the end of its call.
func (c *checker) goFault(g *ssa.Go) lambdamodel.LocalFault {
	f := lambdamodel.LocalFault{Instr: g, Pos: g.Pos(), Message: msgGo}
	if call := c.model.CallExpr(g); call != nil {
		f.End = call.End()
	}
	return f
}

// callFault returns the fault of a call, placed on its call expression.
func (c *checker) callFault(call *ssa.Call, msg string) lambdamodel.LocalFault {
	f := lambdamodel.LocalFault{Instr: call, Pos: call.Pos(), Message: msg}
	if expr := c.model.CallExpr(call); expr != nil {
		f.Pos, f.End = expr.Pos(), expr.End()
	}
	return f
}

// isGroupGo reports whether fn starts a goroutine for a group that
// waits for it: (*sync.WaitGroup).Go, or Go and TryGo of an
// errgroup.Group.
func isGroupGo(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	switch {
	case analysisutil.IsNamed(recv.Type(), "sync", "WaitGroup"):
		return fn.Name() == "Go"
	case analysisutil.IsNamed(recv.Type(), errgroupPkg, "Group"):
		return fn.Name() == "Go" || fn.Name() == "TryGo"
	}
	return false
}

// isTimeFunc reports whether fn is the package-level function
// time.name.
func isTimeFunc(fn *types.Func, name string) bool {
	return fn.Pkg().Path() == "time" && fn.Name() == name && fn.Signature().Recv() == nil
}
