package lambdamodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ssa"
)

const (
	lambdaPkg      = "github.com/aws/aws-lambda-go/lambda"
	lambdaURLPkg   = "github.com/aws/aws-lambda-go/lambdaurl"
	algnhsaPkg     = "github.com/akrylysov/algnhsa"
	proxyPrefix    = "github.com/awslabs/aws-lambda-go-api-proxy/"
	gcfFunctions   = "github.com/GoogleCloudPlatform/functions-framework-go/functions"
	gcfFramework   = "github.com/GoogleCloudPlatform/functions-framework-go/funcframework"
	annotation     = "//lambdalint:handler"
	azurePortEnv   = "FUNCTIONS_CUSTOMHANDLER_PORT"
	kindAnnotation = annotation
)

// lambdaStarts maps the functions of package lambda that register a
// handler to the index of the handler argument.
var lambdaStarts = map[string]int{
	"Start":                   0,
	"StartWithOptions":        0,
	"StartWithContext":        1,
	"StartHandlerFunc":        0,
	"NewHandler":              0,
	"NewHandlerWithOptions":   0,
	"StartHandler":            0,
	"StartHandlerWithContext": 1,
}

// routerPkgs are the packages whose router methods register HTTP route
// handlers.
var routerPkgs = map[string]bool{
	"net/http":                    true,
	"github.com/gorilla/mux":      true,
	"github.com/go-chi/chi/v5":    true,
	"github.com/go-chi/chi":       true,
	"github.com/gin-gonic/gin":    true,
	"github.com/labstack/echo/v4": true,
	"github.com/gofiber/fiber/v2": true,
	"github.com/gofiber/fiber/v3": true,
	"github.com/labstack/echo/v5": true,
	"github.com/gorilla/mux/v2":   true,
}

// findHandlers fills m.Handlers.
func (m *Model) findHandlers() {
	seen := make(map[any]bool)
	add := func(r Root) {
		key := any(r.Local)
		if r.Foreign != nil {
			key = r.Foreign
		}
		if r.Local == nil && r.Foreign == nil || seen[key] {
			return
		}
		seen[key] = true
		m.Handlers = append(m.Handlers, r)
	}

	m.findAnnotated(add)

	var routes []Root
	servesRoutes := false
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue // not a call
				}
				callee := staticFunc(call.Common())
				if callee == nil || callee.Pkg() == nil {
					continue // not a known function
				}
				path, name := callee.Pkg().Path(), callee.Name()
				args := call.Common().Args
				switch {
				case path == lambdaPkg && isPkgFunc(callee):
					if i, ok := lambdaStarts[name]; ok && i < len(args) {
						for _, r := range m.handlerRoots("lambda."+name, args[i], m.argPos(call, i), 0) {
							add(r)
						}
						m.Serves = true
					}
				case path == gcfFunctions || path == gcfFramework && strings.HasPrefix(name, "Register"):
					for i, arg := range args {
						for _, r := range m.handlerRoots(shortPkg(path)+"."+name, arg, m.argPos(call, i), 0) {
							add(r)
						}
					}
				case strings.HasPrefix(path, proxyPrefix) && isPkgFunc(callee) && strings.HasPrefix(name, "New"):
					servesRoutes = true
				case isHTTPServing(callee) && len(args) > 0:
					// algnhsa and lambdaurl serve an http.Handler, usually a router.
					servesRoutes = true
					add(m.handlerRoot(shortPkg(path)+"."+name, args[0], m.argPos(call, 0)))
				case routerPkgs[path]:
					for i, arg := range args {
						for _, v := range variadicElems(arg) {
							if r := m.handlerRoot("route", v, m.argPos(call, i)); r.Local != nil || r.Foreign != nil {
								routes = append(routes, r)
							}
						}
					}
				}
			}
		}
	}
	if servesRoutes || m.isAzureCustomHandler() {
		for _, r := range routes {
			add(r)
		}
		m.Serves = true
	}
	if len(m.Handlers) > 0 {
		m.Serves = true
	}
}

// handlerRoot resolves the value registered as a handler: a function,
// a func literal, a method value, a value whose Invoke or ServeHTTP
// method handles requests, or a conversion of one of those.
func (m *Model) handlerRoot(kind string, v ssa.Value, pos token.Pos) Root {
	r := Root{Kind: kind, Pos: pos}
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			if _, isFunc := x.X.Type().Underlying().(*types.Signature); !isFunc {
				return m.methodRoot(r, x.X.Type())
			}
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Function:
			if x.Blocks != nil {
				r.Local = x
			} else if obj, ok := x.Object().(*types.Func); ok {
				r.Foreign = obj
			}
		case *ssa.MakeClosure:
			r.Local = funcValue(x)
			if r.Local != nil && r.Local.Synthetic != "" {
				if obj, ok := r.Local.Object().(*types.Func); ok && obj.Pkg() != nil && m.external(obj.Pkg()) {
					r.Local = nil // a method of an adapter or of the runtime, which calls the real handlers
				}
			}
		case *ssa.UnOp:
			if g, ok := x.X.(*ssa.Global); ok && len(m.globals[g]) == 1 {
				r.Local = m.globals[g][0]
			}
		case *ssa.Call:
			// A handler built by a function of this package, such as
			// lambda.Start(newHandler(deps)): the func it returns.
			if ret := m.returnedFunc(x.Common(), 0); ret != nil {
				v = ret
				continue
			}
		}
		return r
	}
}

// handlerRoots resolves the value registered as a handler, and, when it
// is built by a call, the funcs that the call is given: middleware such
// as lambda.Start(otellambda.InstrumentHandler(handler)) or
// lambda.Start(recoverer(api.Handle)) wraps the real handler. What a
// factory of another package returns is reported through its summary.
func (m *Model) handlerRoots(kind string, v ssa.Value, pos token.Pos, depth int) []Root {
	roots := []Root{m.handlerRoot(kind, v, pos)}
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Call:
			if depth > 3 {
				break
			}
			for _, arg := range x.Common().Args {
				if isFuncValue(arg) {
					roots = append(roots, m.handlerRoots(kind, arg, pos, depth+1)...)
				}
			}
		}
		return roots
	}
}

// isFuncValue reports whether v is a function, a func literal, a method
// value or a call that returns a func.
func isFuncValue(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Signature)
	return ok
}

// variadicElems returns the values stored in the slice that SSA builds
// for the variadic arguments of a call (gin and fiber take route
// handlers that way), or v itself for any other argument.
func variadicElems(v ssa.Value) []ssa.Value {
	if _, ok := v.(*ssa.Slice); !ok {
		return []ssa.Value{v}
	}
	return analysisutil.VariadicElems(v)
}

// argPos returns the position of argument i of a call, counting the
// receiver of a method call as argument 0 like SSA does.
func (m *Model) argPos(call ssa.CallInstruction, i int) token.Pos {
	expr := m.CallExpr(call)
	if expr == nil {
		return call.Pos()
	}
	if call.Common().Signature().Recv() != nil && !call.Common().IsInvoke() {
		i-- // the receiver is not among the syntax's arguments
	}
	if i >= 0 && i < len(expr.Args) {
		return expr.Args[i].Pos()
	}
	return expr.Pos()
}

// returnedFunc returns the func value that a call of a function of this
// package returns, when every return statement returns the same kind of
// value: a func literal, a function or a method value.
func (m *Model) returnedFunc(c *ssa.CallCommon, depth int) ssa.Value {
	callee := c.StaticCallee()
	if callee == nil || callee.Blocks == nil || depth > 3 {
		return nil
	}
	var found ssa.Value
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue // not a return, or nothing returned
		}
		v := ret.Results[0]
		if call, ok := v.(*ssa.Call); ok {
			v = m.returnedFunc(call.Common(), depth+1)
		}
		if v == nil || funcValue(v) == nil {
			continue // nil on an error path, or not a func
		}
		if found != nil && funcValue(found) != funcValue(v) {
			return nil // several different handlers
		}
		found = v
	}
	return found
}

// methodRoot resolves a handler given as a value of type T: its Invoke
// method (lambda.Handler) or ServeHTTP method (http.Handler).
func (m *Model) methodRoot(r Root, T types.Type) Root {
	for _, name := range []string{"Invoke", "ServeHTTP"} {
		obj, _, _ := types.LookupFieldOrMethod(T, true, nil, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			continue // no such method
		}
		if fn.Pkg() == m.pass.Pkg {
			if f := m.Pkg.Prog.FuncValue(fn); f != nil && f.Blocks != nil {
				r.Local = f
				return r
			}
		}
		if !m.external(fn.Pkg()) {
			r.Foreign = fn
		}
		return r
	}
	return r
}

// findAnnotated adds the functions whose doc comment has a
// //lambdalint:handler line.
func (m *Model) findAnnotated(add func(Root)) {
	for _, file := range m.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue // no doc comment
			}
			for _, c := range fd.Doc.List {
				if strings.TrimSpace(c.Text) != annotation {
					continue // not the annotation
				}
				obj, ok := m.pass.TypesInfo.Defs[fd.Name].(*types.Func)
				if !ok {
					break
				}
				if fn := m.Pkg.Prog.FuncValue(obj); fn != nil && fn.Blocks != nil {
					add(Root{Kind: kindAnnotation, Pos: fd.Name.Pos(), Local: fn})
				}
			}
		}
	}
}

// isAzureCustomHandler reports whether the package's main reads the
// port that Azure Functions hands to a custom handler.
func (m *Model) isAzureCustomHandler() bool {
	main := m.Pkg.Func("main")
	if m.Pkg.Pkg.Name() != "main" || main == nil {
		return false
	}
	for _, b := range main.Blocks {
		for _, instr := range b.Instrs {
			for _, op := range instr.Operands(nil) {
				if c, ok := (*op).(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String &&
					constant.StringVal(c.Value) == azurePortEnv {
					return true
				}
			}
		}
	}
	return false
}

// isHTTPServing reports whether fn serves an http.Handler as a function
// handler: algnhsa.ListenAndServe, lambdaurl.Start and lambdaurl.Wrap.
func isHTTPServing(fn *types.Func) bool {
	if fn.Pkg() == nil || !isPkgFunc(fn) {
		return false
	}
	switch fn.Pkg().Path() {
	case algnhsaPkg:
		return fn.Name() == "ListenAndServe"
	case lambdaURLPkg:
		return fn.Name() == "Start" || fn.Name() == "Wrap"
	}
	return false
}

// staticFunc returns the function or method that c calls statically,
// generic origin included.
func staticFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, _ := callee.Object().(*types.Func)
	return obj
}

// isPkgFunc reports whether fn is a package-level function, not a
// method.
func isPkgFunc(fn *types.Func) bool {
	return fn.Signature().Recv() == nil
}

// shortPkg returns the last element of an import path.
func shortPkg(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}
