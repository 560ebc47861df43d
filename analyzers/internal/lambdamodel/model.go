package lambdamodel

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// Analyzer computes the Model of a package. Checks require it and read
// its result; it reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "lambdamodel",
	Doc:        "find handlers, INIT code and the call graph of a package for the lambdalint checks",
	ResultType: reflect.TypeFor[*Model](),
	FactTypes:  []analysis.Fact{new(handlerFact)},
	Run:        analysisutil.Guard("lambdamodel", run),
}

// handlerFact marks a function that is a handler root in its own
// package. Checks report the faults of such a function in that package,
// so a dependent that registers the same function again does not report
// them twice.
type handlerFact struct {
	Kind string // the registration that made the function a handler
}

func (*handlerFact) AFact() {}

func (f *handlerFact) String() string { return "handler(" + f.Kind + ")" }

// Model is the result of Analyzer for one package.
type Model struct {
	// Skip is true for packages of the standard library and of the
	// modules that checks summarise from their catalogues. The other
	// fields are then empty.
	Skip bool

	Pkg   *ssa.Package
	Funcs []*ssa.Function // functions with bodies, in source order, closures included

	// Edges are the calls made by each function in Funcs.
	Edges map[*ssa.Function][]Edge

	Handlers []Root // entry points of an invocation
	Init     []Root // package initializer and main before serving

	// Serves is true when the package registers handlers or serves a
	// router, so that what its INIT code builds and hands out runs in
	// invocations.
	Serves bool

	// Library is true in a package of a downloaded module, one with a
	// version. Its package-level state, the contexts it makes and the
	// goroutines it starts are its own design, which its users cannot
	// change, so checks leave them alone.
	Library bool

	pass    *analysis.Pass
	calls   map[token.Pos]*ast.CallExpr     // call syntax by the position of '('
	globals map[*ssa.Global][]*ssa.Function // funcs stored in package-level vars
	impls   map[*types.Func][]*types.Func   // cache for interface method resolution
	named   []*types.TypeName               // candidate implementations, built lazily
}

// EdgeKind is the kind of call by which a caller reaches a callee.
type EdgeKind int

const (
	Call     EdgeKind = iota // an ordinary call
	Defer                    // a deferred call
	Go                       // a go statement whose goroutine the function does not wait for
	GoJoined                 // a go statement whose goroutine signals (Done, send, close) and that the function waits for
	FuncArg                  // a func value passed to a call, which may call it
	HandOut                  // a func returned, or registered as a route: it runs when served
)

// Edge is one call from a function of this package.
type Edge struct {
	Kind  EdgeKind
	Instr ssa.CallInstruction // the call, or the call that receives the func value
	Pos   token.Pos           // the position at which a fault of the callee is reported

	// Exactly one of Local and Foreign is set. Local is a function with
	// a body in this package (closures and wrappers included); Foreign
	// is a function or method declared in another package, or an
	// interface method whose implementations are unknown.
	Local   *ssa.Function
	Foreign *types.Func
}

// Root is an entry point: a handler, or INIT code.
type Root struct {
	Kind string    // "lambda.Start", "//lambdalint:handler", "init", "main", …
	Pos  token.Pos // the registration, or the function itself

	Local   *ssa.Function
	Foreign *types.Func // a handler declared in another package

	// Before, when set, limits Local to the instructions that can run
	// before it: main up to the call that starts serving.
	Before ssa.Instruction
	prefix map[*ssa.BasicBlock]bool
}

// Includes reports whether instruction instr of r.Local runs as part of
// the root.
func (r *Root) Includes(instr ssa.Instruction) bool {
	if r.Before == nil || instr == nil {
		return true
	}
	b := instr.Block()
	if b == r.Before.Block() {
		for _, in := range b.Instrs {
			if in == r.Before {
				return false
			}
			if in == instr {
				return true
			}
		}
	}
	return r.prefix[b]
}

// IsHandler reports whether fn was marked as a handler in its own
// package, where its faults have been reported already.
func IsHandler(pass *analysis.Pass, fn *types.Func) bool {
	var f handlerFact
	return pass.ImportObjectFact(fn, &f)
}

func run(pass *analysis.Pass) (any, error) {
	if Skipped(pass) {
		return &Model{Skip: true}, nil // summarised by the checks' catalogues
	}

	m := &Model{
		Library: pass.Module != nil && pass.Module.Version != "",
		pass:    pass,
		Edges:   make(map[*ssa.Function][]Edge),
		globals: make(map[*ssa.Global][]*ssa.Function),
		impls:   make(map[*types.Func][]*types.Func),
	}
	m.build(pass)
	m.indexCalls()
	m.findGlobalFuncs()
	for _, fn := range m.Funcs {
		m.Edges[fn] = m.edges(fn)
	}

	m.findHandlers()
	m.findInit()
	for _, h := range m.Handlers {
		if h.Local != nil && h.Local.Object() != nil && h.Local.Pkg == m.Pkg {
			pass.ExportObjectFact(h.Local.Object(), &handlerFact{Kind: h.Kind})
		}
	}
	return m, nil
}

// catalogued lists module path prefixes that no check analyses: calls
// into them are classified from the checks' catalogues, and the
// frameworks among them only call handlers, which the model finds at
// registration.
var catalogued = []string{
	"github.com/aws/aws-sdk-go-v2",
	"github.com/aws/aws-sdk-go/",
	"github.com/aws/smithy-go",
	"github.com/aws/aws-lambda-go/",
	"github.com/awslabs/aws-lambda-go-api-proxy/",
	"github.com/akrylysov/algnhsa",
	"github.com/GoogleCloudPlatform/functions-framework-go/",
	"github.com/jackc/pgx/",
	"github.com/jackc/pgconn",
	"github.com/redis/go-redis/",
	"go.mongodb.org/mongo-driver",
	"google.golang.org/grpc",
	"google.golang.org/protobuf",
	"github.com/go-sql-driver/mysql",
	"github.com/lib/pq",
	"golang.org/x/",
	"github.com/gin-gonic/gin",
	"github.com/labstack/echo/",
	"github.com/gofiber/fiber/",
	"github.com/go-chi/chi",
	"github.com/gorilla/mux",
}

// Skipped reports whether the package being analysed belongs to the
// standard library or to a catalogued module.
func Skipped(pass *analysis.Pass) bool {
	if len(pass.Files) > 0 && goroot != "" {
		name := pass.Fset.File(pass.Files[0].Pos()).Name()
		if strings.HasPrefix(name, goroot) {
			return true // the standard library
		}
	}
	path := pass.Pkg.Path()
	if IsStd(path) && !inModule(pass, path) {
		// The standard library, by its path: a binary built with
		// -trimpath, as golangci-lint is, does not know GOROOT.
		return true
	}
	return Catalogued(path)
}

// inModule reports whether path belongs to the module being analysed.
func inModule(pass *analysis.Pass, path string) bool {
	mod := pass.Module
	return mod != nil && mod.Path != "" && (path == mod.Path || strings.HasPrefix(path, mod.Path+"/"))
}

// Catalogued reports whether the import path belongs to a catalogued
// module.
func Catalogued(path string) bool {
	for _, prefix := range catalogued {
		if strings.HasPrefix(path, prefix) || path == strings.TrimSuffix(prefix, "/") {
			return true
		}
	}
	return false
}

// IsStd reports whether an imported package belongs to the standard
// library, judged by its path: the first element has no dot. Where the
// model is at hand, Model.external is more exact, because it also
// checks the module being analysed.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// external reports whether pkg belongs to the standard library or to a
// catalogued module. A package of the module being analysed is never
// external, even when the module path has no dot.
// External reports whether calls into pkg are left to the checks'
// catalogues: the standard library and the catalogued modules, unless
// they are the module being analysed. A nil package counts as external.
func (m *Model) External(pkg *types.Package) bool {
	return pkg == nil || m.external(pkg)
}

func (m *Model) external(pkg *types.Package) bool {
	path := pkg.Path()
	if inModule(m.pass, path) {
		return false
	}
	return IsStd(path) || Catalogued(path)
}

// goroot is the directory of the standard library's sources, with a
// trailing separator, or "" when the binary does not know it.
var goroot = func() string {
	if build.Default.GOROOT == "" {
		return ""
	}
	return filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
}()

// build creates the SSA form of the package being analysed.
func (m *Model) build(pass *analysis.Pass) {
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	prog.SetNoReturn(noReturn)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	m.Pkg = prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	m.Pkg.Build()

	seen := make(map[*ssa.Function]bool)
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || fn.Blocks == nil {
			return
		}
		seen[fn] = true
		m.Funcs = append(m.Funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	add(m.Pkg.Func("init"))
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue // not a function
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue // no type information
			}
			if fd.Name.Name == "init" && fd.Recv == nil {
				continue // init#N, reached from the package initializer
			}
			add(prog.FuncValue(obj))
		}
	}
	// init#N functions have no object; take them from the members.
	for _, mem := range m.Pkg.Members {
		if fn, ok := mem.(*ssa.Function); ok {
			add(fn)
		}
	}
	// Wrappers (bound methods, thunks, promoted methods) are created
	// while building; pick up those that the functions above refer to.
	for i := 0; i < len(m.Funcs); i++ {
		for _, b := range m.Funcs[i].Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if fn, ok := (*op).(*ssa.Function); ok && fn.Synthetic != "" {
						add(fn)
					}
				}
			}
		}
	}
}

// indexCalls records the syntax of every call, so that reports can
// start where the call expression starts: SSA places a call at its '('.
func (m *Model) indexCalls() {
	m.calls = make(map[token.Pos]*ast.CallExpr)
	for _, f := range m.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				m.calls[call.Lparen] = call
			}
			return true
		})
	}
}

// CallExpr returns the syntax of a call instruction, or nil.
func (m *Model) CallExpr(instr ssa.CallInstruction) *ast.CallExpr {
	return m.calls[instr.Common().Pos()]
}

// CallPos returns where a call instruction starts in the source.
func (m *Model) CallPos(instr ssa.CallInstruction) token.Pos {
	if call := m.CallExpr(instr); call != nil {
		return call.Pos()
	}
	return instr.Pos()
}

// noReturn reports whether fn never returns, from a catalogue. The
// ctrlflow pass would compute this for every package, the standard
// library and the SDKs included, and under go vet that costs more than
// everything else lambdalint does. The catalogue covers the calls that
// end a program in practice.
func noReturn(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "os", "syscall":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "log":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	case "github.com/sirupsen/logrus", "go.uber.org/zap":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	}
	return false
}

// FuncPos returns the position that names fn in reports.
func FuncPos(fn *ssa.Function) token.Pos {
	if fn.Pos().IsValid() {
		return fn.Pos()
	}
	if fn.Parent() != nil {
		return FuncPos(fn.Parent())
	}
	return token.NoPos
}

// Reach returns the functions of this package that the roots reach
// through edges that follow accepts, the roots included, in the order
// found.
func (m *Model) Reach(roots []Root, follow func(EdgeKind) bool) []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	for i := range roots {
		r := &roots[i]
		if r.Local == nil || seen[r.Local] {
			continue
		}
		seen[r.Local] = true
		queue := []*ssa.Function{r.Local}
		for len(queue) > 0 {
			fn := queue[0]
			queue = queue[1:]
			out = append(out, fn)
			for _, e := range m.Edges[fn] {
				if e.Local == nil || seen[e.Local] || !follow(e.Kind) || fn == r.Local && !r.Includes(e.Instr) {
					continue
				}
				seen[e.Local] = true
				queue = append(queue, e.Local)
			}
		}
	}
	return out
}
