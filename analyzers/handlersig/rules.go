package handlersig

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// The rules below follow the validation of aws-lambda-go v1.55.1:
// reflectHandler, handlerTakesContext and validateReturns in
// lambda/handler.go. It runs when the handler is registered. When it
// rejects the handler, every invocation fails with the same error.

// reject is the consequence shared by the messages of rejected handlers.
const reject = ", so aws-lambda-go rejects it and fails every invocation"

// checker holds the types that the rules compare against.
type checker struct {
	pass    *analysis.Pass
	handler *types.Interface // lambda.Handler
	context types.Type       // context.Context
	error   *types.Interface
}

// newChecker takes lambda.Handler from the lambda package, and
// context.Context from its Invoke method, so that the package being
// analysed need not import context. It returns nil when lambda.Handler
// does not have the expected form.
func newChecker(pass *analysis.Pass, lambda *types.Package) *checker {
	tn, ok := lambda.Scope().Lookup("Handler").(*types.TypeName)
	if !ok {
		return nil
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() != 1 || iface.Method(0).Signature().Params().Len() != 2 {
		return nil
	}
	return &checker{
		pass:    pass,
		handler: iface,
		context: iface.Method(0).Signature().Params().At(0).Type(),
		error:   types.Universe.Lookup("error").Type().Underlying().(*types.Interface),
	}
}

// check returns the rule that the handler expression breaks, as the
// rest of a message that starts with the registration's name, or "".
// A handler of interface type, and a type parameter, are not checked:
// their dynamic type decides.
func (c *checker) check(arg ast.Expr) string {
	tv := c.pass.TypesInfo.Types[arg]
	if tv.IsNil() {
		return "is nil" + reject
	}
	T := tv.Type
	if T == nil || types.IsInterface(T) {
		return "" // no type information, or only the dynamic type is known
	}
	if types.Implements(T, c.handler) {
		return "" // a lambda.Handler, called as it is
	}
	sig, ok := T.Underlying().(*types.Signature)
	if !ok {
		return "of type " + c.typeString(T) + " is not a func and has no Invoke method of lambda.Handler" + reject
	}
	if rule := c.checkParams(sig); rule != "" {
		return rule + reject
	}
	if rule := c.checkResults(sig); rule != "" {
		return rule + reject
	}
	if event := eventType(sig, c); event != nil && undecodable(event) {
		return "takes an event of type " + c.typeString(event) + ", which encoding/json cannot decode, so every invocation with a payload other than null fails"
	}
	if sig.Results().Len() == 2 && unencodable(sig.Results().At(0).Type()) {
		return "returns a value of type " + c.typeString(sig.Results().At(0).Type()) + ", which encoding/json cannot encode, so every invocation fails"
	}
	return ""
}

// checkParams applies aws-lambda-go's rules on parameters: at most two,
// the first of two is context.Context, and a single parameter of
// interface type is either context.Context or has no methods.
func (c *checker) checkParams(sig *types.Signature) string {
	params := sig.Params()
	switch n := params.Len(); {
	case n > 2:
		return fmt.Sprintf("takes %d parameters, more than two", n)
	case n == 2:
		first := params.At(0).Type()
		if !isTypeParam(first) && !c.isContext(first) {
			return "takes two parameters, but the first, " + c.typeString(first) + ", is not context.Context"
		}
	case n == 1:
		only := params.At(0).Type()
		iface, ok := only.Underlying().(*types.Interface)
		if ok && !isTypeParam(only) && iface.NumMethods() > 0 && !c.isContext(only) {
			return "takes one parameter of interface type " + c.typeString(only) + ", which is neither context.Context nor an interface without methods"
		}
	}
	return ""
}

// checkResults applies aws-lambda-go's rules on results: at most two,
// and the last one implements error.
func (c *checker) checkResults(sig *types.Signature) string {
	results := sig.Results()
	switch n := results.Len(); {
	case n > 2:
		return fmt.Sprintf("returns %d values, more than two", n)
	case n == 2:
		second := results.At(1).Type()
		if !isTypeParam(second) && !types.Implements(second, c.error) {
			return "returns two values, but the second, " + c.typeString(second) + ", does not implement error"
		}
	case n == 1:
		only := results.At(0).Type()
		if !isTypeParam(only) && !types.Implements(only, c.error) {
			return "returns a single value, " + c.typeString(only) + ", that does not implement error"
		}
	}
	return ""
}

// isContext reports whether T is an interface with exactly the methods
// of context.Context, as aws-lambda-go requires: each implements the
// other.
func (c *checker) isContext(T types.Type) bool {
	iface, ok := T.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	ctx := c.context.Underlying().(*types.Interface)
	return types.Implements(c.context, iface) && types.Implements(T, ctx)
}

// eventType returns the type of the parameter that aws-lambda-go
// decodes the payload into, or nil when the handler takes no event.
func eventType(sig *types.Signature, c *checker) types.Type {
	params := sig.Params()
	switch params.Len() {
	case 2:
		return params.At(1).Type()
	case 1:
		if only := params.At(0).Type(); !c.isContext(only) {
			return only
		}
	}
	return nil
}

// typeString writes T as Go code of the package being analysed does,
// with other packages named by their package names.
func (c *checker) typeString(T types.Type) string {
	return types.TypeString(T, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

func isTypeParam(T types.Type) bool {
	_, ok := types.Unalias(T).(*types.TypeParam)
	return ok
}
