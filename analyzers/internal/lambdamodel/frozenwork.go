package lambdamodel

import "golang.org/x/tools/go/ssa"

// The rules by which edges decides that a go statement is joined, for
// checks that judge goroutines and timers themselves. They behave
// exactly as the edge kinds Go and GoJoined do.

// Signals reports whether the body of fn lets another goroutine know it
// is done: it calls (*sync.WaitGroup).Done, sends on a channel or
// closes one. Calls that fn makes are not looked into.
func Signals(fn *ssa.Function) bool { return signals(fn) }

// WaitsAfter reports whether the function of instr waits, at some point
// after instr, in a way that can join goroutines: Wait of a
// sync.WaitGroup or an errgroup.Group, a channel receive or a blocking
// select. Which goroutine the wait is for is not checked.
func WaitsAfter(instr ssa.Instruction) bool { return waitsAfter(instr) }

// IsWait reports whether instr blocks until other goroutines signal, as
// WaitsAfter counts it.
func IsWait(instr ssa.Instruction) bool { return isWait(instr) }

// FuncValue returns the function with a body that v denotes, looking
// through conversions: a named function, a func literal or a bound
// method value. It returns nil for any other value.
func FuncValue(v ssa.Value) *ssa.Function { return funcValue(v) }
