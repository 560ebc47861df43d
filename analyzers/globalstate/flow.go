package globalstate

import (
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// labels is the set of inputs a value may derive from. Bit i stands for
// parameter i of the function, and free variables follow the
// parameters. The top bit stands for request data that the function
// reads itself, from lambdacontext.FromContext or ctx.Value.
type labels uint64

const (
	request   labels = 1 << 63
	maxInputs        = 63
)

// sink is a write into package-level state of a value with the given
// labels.
type sink struct {
	labels labels
	pos    token.Pos // the write, or the call in this package that leads to it
	target string    // the state written, such as "package-level var invites"
	path   []step    // calls of this package from the function down to pos

	// chain and site describe the rest of the way when the write is in
	// another package: the calls from pos on, and the write itself.
	chain []lambdamodel.Step
	site  lambdamodel.Position

	once bool // the write is in a body that sync.Once runs for the first caller only
}

// step is one call of this package on the way to a write.
type step struct {
	callee string
	pos    token.Pos
}

// flow is the result of tracing request data through one function.
type flow struct {
	fn     *ssa.Function
	inputs map[ssa.Value]int // parameter or free variable → its bit
	val    map[ssa.Value]labels
	mem    map[ssa.Value]labels // labels stored at a local address (an Alloc)
	sinks  []sink

	// stores are the labels written through each pointer parameter,
	// so that a caller learns what a call writes into its arguments.
	stores map[int]labels
}

// addrKind classifies where an address points.
type addrKind int

const (
	unknownAddr addrKind = iota
	localAddr            // memory of this invocation: an Alloc
	globalAddr           // package-level state
	paramAddr            // memory reached through a parameter
)

// root finds what an address is derived from: a package-level variable,
// a local allocation, or a parameter.
func root(addr ssa.Value) (addrKind, ssa.Value) {
	for i := 0; i < 32; i++ {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.Field:
			addr = a.X
		case *ssa.Index:
			addr = a.X
		case *ssa.Slice:
			addr = a.X
		case *ssa.ChangeType:
			addr = a.X
		case *ssa.MakeInterface:
			addr = a.X
		case *ssa.Global:
			return globalAddr, a
		case *ssa.Alloc:
			return localAddr, a
		case *ssa.MakeMap, *ssa.MakeSlice:
			return localAddr, a
		case *ssa.Parameter, *ssa.FreeVar:
			return paramAddr, a
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return unknownAddr, nil
			}
			// A pointer, map or slice loaded from somewhere: package-level
			// state when it was loaded from package-level state.
			kind, r := root(a.X)
			if kind == globalAddr || kind == paramAddr {
				return kind, r
			}
			return unknownAddr, nil
		default:
			return unknownAddr, nil
		}
	}
	return unknownAddr, nil
}

// describe names the package-level state an address belongs to.
func describe(g *ssa.Global, isMap bool, from *types.Package) string {
	name := g.Name()
	if obj := g.Object(); obj != nil && obj.Pkg() != nil && obj.Pkg() != from {
		name = obj.Pkg().Name() + "." + name // a variable of another package
	}
	if isMap {
		return "package-level map " + name
	}
	return "package-level var " + name
}

// mapKey names the map that v holds by where it comes from: a
// package-level variable, or a parameter of fn, and the fields on the
// way. It returns "" for a map of any other origin.
func mapKey(fn *ssa.Function, v ssa.Value) string {
	path := ""
	for i := 0; i < 32; i++ {
		switch a := v.(type) {
		case *ssa.FieldAddr:
			path = "." + strconv.Itoa(a.Field) + path
			v = a.X
		case *ssa.Field:
			path = "." + strconv.Itoa(a.Field) + path
			v = a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return ""
			}
			v = a.X
		case *ssa.Global:
			return "global " + a.RelString(nil) + path
		case *ssa.Parameter:
			return "param " + fn.String() + " " + a.Name() + path
		case *ssa.FreeVar:
			return "free " + fn.String() + " " + a.Name() + path
		default:
			return ""
		}
	}
	return ""
}
