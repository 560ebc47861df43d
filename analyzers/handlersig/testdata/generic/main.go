// Package main registers handlers through generic code.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type job struct{ ID string }

func echo[T any](ctx context.Context, v T) T { return v }

func process[T any](ctx context.Context, v T) (T, error) { return v, nil }

// serve registers a handler whose event type is a type parameter, which
// only the instantiation determines.
func serve[T any](h func(context.Context, T) (T, error)) {
	lambda.Start(h) // ok: the event type is a type parameter
}

// serveAny registers a handler of any type.
func serveAny[H any](h H) {
	lambda.Start(h) // ok: the handler's type is a type parameter
}

// serveLast registers a handler whose single result is a type parameter.
func serveLast[T any](h func(context.Context) T) {
	lambda.Start(h) // ok: T may implement error
}

// serveMany registers a handler with too many parameters, whatever T is.
func serveMany[T any](h func(context.Context, T, T) error) {
	lambda.Start(h) // want `^lambda.Start handler takes 3 parameters`
}

func main() {
	lambda.Start(echo[job])                                                                       // want `^lambda.Start handler returns a single value, job, that does not implement error`
	lambda.Start(process[job])                                                                    // ok: an instance with a valid signature
	lambda.StartHandlerFunc(process[job])                                                         // ok: the compiler checks the shape
	lambda.StartHandlerFunc(process[chan int])                                                    // want `^lambda.StartHandlerFunc handler takes an event of type chan int, which encoding/json cannot decode`
	lambda.StartHandlerFunc(func(ctx context.Context, j job) (func(), error) { return nil, nil }) // want `^lambda.StartHandlerFunc handler returns a value of type func\(\), which encoding/json cannot encode`
	serve(process[job])
	serveAny(echo[job])
	serveLast(func(ctx context.Context) error { return nil })
	serveMany(func(ctx context.Context, a, b job) error { return nil })
}
