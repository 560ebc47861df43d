package frozenwork

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// afterFuncSettled reports whether the func that a call of
// time.AfterFunc schedules cannot run after fn returns. Either the func
// signals and fn waits after the call, or the returned timer is passed
// on, or fn stops it on every path from the call to a return. A
// deferred Stop counts for every path.
func afterFuncSettled(fn *ssa.Function, call *ssa.Call) bool {
	if f := lambdamodel.FuncValue(call.Call.Args[1]); f != nil && signalsDeep(f) && (lambdamodel.WaitsAfter(call) || defersWait(fn)) {
		return true
	}
	u := trace(call, call)
	if u.escapes {
		return true
	}
	var stops []ssa.Instruction
	for _, m := range u.methods {
		if methodName(m) != "Stop" {
			continue // Reset, or a read of the channel
		}
		if _, ok := m.(*ssa.Defer); ok {
			return true
		}
		stops = append(stops, m)
	}
	return stoppedOnEveryPath(call, stops)
}

// stoppedOnEveryPath reports whether every path from start to a return
// of its function passes one of the stops. A path that comes back to
// start, in a loop, has made a new timer without stopping this one.
func stoppedOnEveryPath(start ssa.Instruction, stops []ssa.Instruction) bool {
	type visit struct {
		block *ssa.BasicBlock
		from  int // the index of the first instruction to look at
	}
	first := start.Block()
	work := []visit{{first, slices.Index(first.Instrs, start) + 1}}
	seen := make(map[*ssa.BasicBlock]bool)
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]

		stopped := false
		for _, instr := range v.block.Instrs[v.from:] {
			if instr == start {
				return false
			}
			if slices.Contains(stops, instr) {
				stopped = true
				break
			}
		}
		if stopped {
			continue // this path is safe
		}
		if _, ok := v.block.Instrs[len(v.block.Instrs)-1].(*ssa.Return); ok {
			return false
		}
		for _, succ := range v.block.Succs {
			if !seen[succ] {
				seen[succ] = true
				work = append(work, visit{succ, 0})
			}
		}
	}
	return true
}
