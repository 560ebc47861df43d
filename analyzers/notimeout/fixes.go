package notimeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// fixContextSource offers the handler's ctx in place of
// context.Background() or context.TODO().
func (c *checker) fixContextSource(fn *ssa.Function, call ssa.CallInstruction) []analysis.SuggestedFix {
	expr := c.callExpr(call)
	if expr == nil {
		return nil
	}
	ctx := c.contextInScope(expr.Pos())
	if ctx == nil || c.assignsTo(expr, ctx) || startsGoroutine(call) {
		return nil // no ctx to use, an assignment to ctx itself, or work meant to outlive the handler
	}
	return []analysis.SuggestedFix{{
		Message:   "Replace with " + ctx.Name(),
		TextEdits: []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(ctx.Name())}},
	}}
}

// fixNewRequest offers http.NewRequestWithContext(ctx, …) for the
// http.NewRequest call that built req.
func (c *checker) fixNewRequest(fn *ssa.Function, req ssa.Value) []analysis.SuggestedFix {
	build := newRequestCall(req)
	if build == nil {
		return nil
	}
	expr := c.model.CallExpr(build)
	if expr == nil {
		return nil
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	ctx := c.contextInScope(expr.Pos())
	if !ok || ctx == nil {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: "Use http.NewRequestWithContext with " + ctx.Name(),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
			{Pos: expr.Lparen + 1, End: expr.Lparen + 1, NewText: []byte(ctx.Name() + ", ")},
		},
	}}
}

// fixContextTwin offers the …Context or …WithContext form of a method
// call, with the ctx in scope as its first argument.
func (c *checker) fixContextTwin(fn *ssa.Function, call ssa.CallInstruction, twin string) []analysis.SuggestedFix {
	expr := c.callExpr(call)
	if expr == nil {
		return nil
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	ctx := c.contextInScope(expr.Pos())
	if !ok || ctx == nil {
		return nil
	}
	arg := ctx.Name()
	switch {
	case twin == "BeginTx":
		arg += ", nil" // the default transaction options, as Begin uses
	case len(expr.Args) > 0:
		arg += ", "
	}
	return []analysis.SuggestedFix{{
		Message: "Use " + twin + " with " + ctx.Name(),
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(twin)},
			{Pos: expr.Lparen + 1, End: expr.Lparen + 1, NewText: []byte(arg)},
		},
	}}
}

// contextInScope returns the context.Context parameter of the innermost
// enclosing function that has one, if its name still refers to it at
// pos.
func (c *checker) contextInScope(pos token.Pos) *types.Var {
	file := c.fileOf(pos)
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for _, n := range path {
		var ftype *ast.FuncType
		switch f := n.(type) {
		case *ast.FuncDecl:
			ftype = f.Type
		case *ast.FuncLit:
			ftype = f.Type
		default:
			continue
		}
		for _, field := range ftype.Params.List {
			for _, name := range field.Names {
				v, ok := c.pass.TypesInfo.Defs[name].(*types.Var)
				if !ok || name.Name == "_" || !analysisutil.IsContext(v.Type()) {
					continue // not a named context parameter
				}
				if c.lookup(file, name.Name, pos) != types.Object(v) {
					return nil // shadowed
				}
				return v
			}
		}
	}
	return nil
}

// lookup resolves name at pos in file.
func (c *checker) lookup(file *ast.File, name string, pos token.Pos) types.Object {
	scope := c.pass.TypesInfo.Scopes[file]
	if scope == nil {
		return nil
	}
	_, obj := scope.Innermost(pos).LookupParent(name, pos)
	return obj
}

// assignsTo reports whether expr is the right-hand side of an assignment
// to a variable named like v.
func (c *checker) assignsTo(expr ast.Expr, v *types.Var) bool {
	file := c.fileOf(expr.Pos())
	path, _ := astutil.PathEnclosingInterval(file, expr.Pos(), expr.End())
	for _, n := range path {
		assign, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		for _, lhs := range assign.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == v.Name() {
				return true // "ctx = ctx" is a no-op and "ctx := ctx" reads as a mistake
			}
		}
		return false
	}
	return false
}

// fileOf returns the file of the package that contains pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// startsGoroutine reports whether the context that call makes is given
// to a go statement: the handler's ctx is cancelled when the handler
// returns, so it is not a fix for work that must run on.
func startsGoroutine(call ssa.CallInstruction) bool {
	v, ok := call.(*ssa.Call)
	if !ok || v.Referrers() == nil {
		return false
	}
	for _, ref := range *v.Referrers() {
		if _, ok := ref.(*ssa.Go); ok {
			return true
		}
	}
	return false
}
