// Package main registers handlers of every shape through every
// registration function of package lambda.
package main

import (
	"context"
	"io"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/handlersig/shapes/lib"
)

type event struct{ Name string }

// deadliner has the methods of context.Context under another name,
// which aws-lambda-go accepts in its place.
type deadliner interface {
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// doneOnly has only some of the methods of context.Context.
type doneOnly interface {
	Done() <-chan struct{}
}

// invokeFunc is a func type with an Invoke method: aws-lambda-go calls
// Invoke and never looks at the func's own signature.
type invokeFunc func(payload []byte) []byte

func (f invokeFunc) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return f(payload), nil
}

// batchFunc is a func type without an Invoke method, so aws-lambda-go
// checks its signature.
type batchFunc func(ctx context.Context, ev event, size int) error

// pointerInvoker implements lambda.Handler only through its pointer.
type pointerInvoker struct{}

func (*pointerInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return payload, nil
}

type stats struct{}

func (stats) Report(ctx context.Context, ev event) (int, int, error) { return 0, 0, nil }

func threeResults(ctx context.Context, ev event) (string, int, error) { return "", 0, nil }

func readerOnly(r io.Reader) error { return nil }

func contextOnly(ctx context.Context) error { return nil }

func nothing() {}

func deadlineFirst(ctx deadliner, ev event) error { return nil }

func doneFirst(ctx doneOnly, ev event) error { return nil }

func anyResult() any { return nil }

func namedError(ctx context.Context) *timeoutError { return nil }

type timeoutError struct{}

func (*timeoutError) Error() string { return "timed out" }

// newHandler builds the handler, whose func type is known statically.
func newHandler(prefix string) func(context.Context, event) string {
	return func(ctx context.Context, ev event) string { return prefix + ev.Name }
}

func main() {
	ctx := context.Background()

	lambda.Start(nil)                                                          // want `^lambda.Start handler is nil, so aws-lambda-go rejects it and fails every invocation$`
	lambda.Start(threeResults)                                                 // want `^lambda.Start handler returns 3 values, more than two, so`
	lambda.Start(stats{}.Report)                                               // want `^lambda.Start handler returns 3 values`
	lambda.Start(readerOnly)                                                   // want `^lambda.Start handler takes one parameter of interface type io.Reader, which is neither context.Context nor an interface without methods, so`
	lambda.Start(doneFirst)                                                    // want `^lambda.Start handler takes two parameters, but the first, doneOnly, is not context.Context`
	lambda.Start(anyResult)                                                    // want `^lambda.Start handler returns a single value, any, that does not implement error`
	lambda.StartWithContext(ctx, lib.Count)                                    // want `^lambda.StartWithContext handler returns a single value, int, that does not implement error`
	lambda.NewHandler(newHandler("hello, "))                                   // want `^lambda.NewHandler handler returns a single value, string, that does not implement error`
	lambda.NewHandlerWithOptions(pointerInvoker{}, lambda.WithUseNumber(true)) // want `^lambda.NewHandlerWithOptions handler of type pointerInvoker is not a func and has no Invoke method of lambda.Handler`
	lambda.Start(batchFunc(nil))                                               // want `^lambda.Start handler takes 3 parameters, more than two`
	lambda.Start(42)                                                           // want `^lambda.Start handler of type int is not a func`

	lambda.Start(contextOnly)                   // ok: context.Context alone
	lambda.Start(nothing)                       // ok: no parameters and no results
	lambda.Start(deadlineFirst)                 // ok: deadliner has the methods of context.Context
	lambda.Start(namedError)                    // ok: *timeoutError implements error
	lambda.Start(invokeFunc(nil))               // ok: a lambda.Handler, whatever its func type
	lambda.Start(&pointerInvoker{})             // ok: the pointer has the Invoke method
	lambda.StartWithContext(ctx, lib.Handle)    // ok: a valid handler of another package
	lambda.StartHandler(&pointerInvoker{})      // ok: the compiler checks lambda.Handler
	lambda.Start(lambda.NewHandler(lib.Handle)) // ok: the result is a lambda.Handler
}
