// Package globalstate defines an Analyzer that reports request data
// stored in package-level state by handler code.
//
// # Analyzer globalstate
//
// globalstate: report request data stored in package-level variables by handler code
//
// An execution environment serves invocation after invocation, often
// for different users, and keeps its package-level variables between
// them. A handler that writes request data into one of them hands that
// data to the next invocation. The result is a response that grows with
// every request, a template that keeps the first caller's name, or a
// "last user" that leaks one account's identity to another.
//
// Request data is what a handler receives: its parameters other than
// the context and the http.ResponseWriter (the event, the
// *http.Request of a route) and everything read from them. The results
// of calls given request data count too (an item read by the event's
// id), and so do values written through a pointer by such a call
// (json.Unmarshal of the body into a struct). So do the values read
// from the context with lambdacontext.FromContext or ctx.Value.
//
// globalstate reports, in code reachable from a handler, a write of
// request data into package-level state: an assignment to a
// package-level variable (+= and append included), a store into a field
// or an element of one, an insert into a package-level map (request
// data as key or value), a store through a pointer held in a
// package-level variable, sync.Map and atomic.Value stores into one,
// and calls of functions that store their arguments into package-level
// state or into the receiver they are called on, when that receiver is
// package-level. Writes inside a function literal run by sync.Once are
// reported too: the first caller's data then serves every later one. A
// write that a mutex guards is reported as well, because the lock stops
// a race but not the leak.
//
// Not reported: values that do not depend on the request (clients,
// configuration, constants, coldStart = false, time.Now()), writes in
// INIT code, locals (a local named like a package-level variable
// included), writes into values created per invocation, and writes
// into the package-level state of downloaded modules, such as a global
// logger replaced with one tagged by the request id, or a codec's type
// caches: that state belongs to the library. Keyed caches are not
// reported either: an insert into a map that the package also looks up
// with "v, ok := m[k]", whose entries are meant to serve later
// invocations with the same key. Interface calls are not
// followed into test doubles (types that embed testify's mock.Mock or
// hold a gomock controller), even outside _test.go files.
//
// When the write is in another package, the finding is placed at the
// call in the handler's package that leads to it, with the chain.
//
// Wrong: the caller of one invocation is seen by the next,
//
//	var lastCaller string
//
//	func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
//		lastCaller = req.RequestContext.Identity.Caller
//		...
//	}
//
// Fix: keep request data in locals and return it, or key shared caches
// by a value that does not come from the request:
//
//	func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
//		caller := req.RequestContext.Identity.Caller
//		...
//	}
package globalstate
