// Package main wraps its handler in middleware of its own and in
// middleware of another package.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/model/crosspkg/handlers"
)

type handlerFunc func(context.Context) error

func recoverer(h handlerFunc) handlerFunc { // want "init code: recoverer"
	return func(ctx context.Context) error { // want "handler code: recoverer.func1"
		defer func() { _ = recover() }() // want "handler code: recoverer.func1.func1"
		return h(ctx)
	}
}

func serve(ctx context.Context) error { return nil } // want "handler code: serve"

func main() { // want "init code: main"
	if len("x") > 1 {
		lambda.Start(recoverer(serve)) // want "handler lambda.Start recoverer.func1" "handler lambda.Start serve"
	}
	lambda.Start(recoverer(handlers.Plain)) // want "handler lambda.Start handlers.Plain"
}
