// Package lambdamodel finds the code of a package that runs inside a
// function invocation and the code that runs during INIT, and combines
// per-function summaries across packages.
//
// # Handlers
//
// A handler is the entry point that the platform calls once per
// invocation. The model recognises:
//
//   - the function, method value or func literal passed to
//     github.com/aws/aws-lambda-go/lambda Start, StartWithOptions,
//     StartWithContext, StartHandlerFunc, NewHandler or
//     NewHandlerWithOptions;
//   - the Invoke method of a value passed to lambda.Start,
//     StartHandler or StartHandlerWithContext;
//   - the func given to a wrapper whose result is registered, as in
//     lambda.Start(cfn.LambdaWrap(fn)), and the func returned by a
//     factory of the same package, as in lambda.Start(newHandler(deps));
//   - the route handlers of a router in a package that serves it
//     through an aws-lambda-go-api-proxy adapter (httpadapter,
//     gorillamux, chiadapter, ginadapter, echoadapter, fiberadapter),
//     lambdaurl.Start or algnhsa.ListenAndServe;
//   - functions registered with functions-framework-go
//     (functions.HTTP, functions.CloudEvent, funcframework.Register…);
//   - the HTTP handlers of an Azure Functions custom handler, that is a
//     package whose main reads FUNCTIONS_CUSTOMHANDLER_PORT;
//   - any function whose doc comment contains a line
//     //lambdalint:handler, for other frameworks.
//
// # INIT code
//
// INIT code is the package initializer (package-level variable
// initializers and init functions) and the part of main that runs
// before the call that starts serving. A func literal that is only
// stored, such as the argument of sync.OnceValues, is not INIT code, and
// a go statement does not block INIT.
//
// # Reachability and summaries
//
// Within a package the model builds SSA form and a call graph. Its
// edges are static calls, calls of closures and bound methods, func
// values passed as arguments, and go and defer statements. Interface
// calls go to the implementations declared in this package and in the
// packages it imports. Facts only flow from a package to its dependents, so a callee
// cannot know whether a handler reaches it. Each check therefore
// summarises, per function, the faults that a call of that function
// causes, and exports the summary as a fact. The package that registers
// the handler reports them at the first call on the path, with the
// chain of calls in the message and in the related positions.
//
// A summary also lists the faults of the code that a function hands out:
// the funcs it returns and the routes it registers. A package that serves
// handlers reports those at the INIT call that obtains the code, so a
// router or handler built by another package is covered too.
//
// The standard library and the large SDKs are not analysed: each check
// classifies calls into them from its own catalogue.
package lambdamodel
