// Package handlersig defines an Analyzer that reports handlers whose
// shape aws-lambda-go rejects at run time.
//
// # Analyzer handlersig
//
// handlersig: report handlers whose shape aws-lambda-go rejects at run time
//
// lambda.Start takes its handler as an interface{}, so the compiler
// accepts any value. aws-lambda-go checks the value by reflection when
// the function starts. A rejected handler does not stop the function,
// but every invocation then fails with the same error, such as "handler
// returns a single value, but it does not implement error". The code
// compiles and deploys, and only the first event shows the mistake.
//
// handlersig reports, at the call of lambda.Start, StartWithOptions,
// StartWithContext, StartHandlerFunc, NewHandler or
// NewHandlerWithOptions, a handler that breaks one of the rules of
// aws-lambda-go (checked against v1.55.1):
//
//   - the handler is nil;
//   - it is not a func and has no Invoke method of lambda.Handler, such
//     as a pointer to an adapter that only has a Proxy method;
//   - it takes more than two parameters;
//   - it takes two parameters and the first is not context.Context, for
//     example a struct that embeds context.Context;
//   - it takes one parameter of an interface type that has methods but
//     is not context.Context (context.Context alone, or an event of type
//     any, is accepted);
//   - it returns more than two values, a single value that does not
//     implement error, or two values whose second does not implement
//     error.
//
// An interface with the same methods as context.Context counts as
// context.Context, as it does for aws-lambda-go. Only the first broken
// rule is reported, in the order aws-lambda-go checks them.
//
// handlersig also reports an event type that encoding/json fails to
// decode from any payload other than null. Such types are a chan, a
// func, a complex number, an unsafe.Pointer, an interface with methods,
// a map whose key is neither a string, an integer nor a type with
// UnmarshalText, and a pointer to one of these. A type with its own
// UnmarshalJSON or UnmarshalText method is not reported. Likewise, it
// reports a response type (the first of two results) that
// encoding/json can never encode: a chan, a func, a complex number or
// an unsafe.Pointer without a MarshalJSON, MarshalText or Read method.
//
// Wrong:
//
//	func handle(ctx context.Context, ev events.SQSEvent) events.SQSEventResponse {
//		…
//	}
//
//	lambda.Start(handle) // every invocation fails
//
// Fix: give the handler a shape that aws-lambda-go accepts, here an
// error as the second result:
//
//	func handle(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
//		…
//	}
//
// A value that is not a func must implement lambda.Handler. To serve an
// adapter that only has a Proxy method, pass the method value, as in
// lambda.Start(adapter.ProxyWithContext).
//
// Not reported:
//
//   - a handler whose static type is an interface, such as any or the
//     result of a middleware that returns interface{}: only its dynamic
//     type decides;
//   - a handler, parameter or result whose type is a type parameter;
//   - a struct event with a field of a type that encoding/json cannot
//     decode: decoding fails only when the payload has that field;
//   - a variadic handler: aws-lambda-go accepts it, but then fails to
//     decode an object into its slice parameter, or to pass an array to
//     it unless the elements are of type any;
//   - lambda.StartHandler and lambda.StartHandlerWithContext, whose
//     lambda.Handler parameter the compiler checks.
//
// The shape of the handler given to StartHandlerFunc is checked by the
// compiler, so only its event and response types are checked there.
//
// Flags: none.
package handlersig
