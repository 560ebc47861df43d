// Package main uses the other registration functions of package lambda.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct{ ID string }

func withContext(ctx context.Context) error { return nil } // want "handler code: withContext"

func withOptions(e event) error { return nil } // want "handler code: withOptions"

func typed(ctx context.Context, e event) (string, error) { return e.ID, nil } // want "handler code: typed"

func wrapped(ctx context.Context) error { return nil } // want "handler code: wrapped"

func main() { // want "init code: main"
	switch {
	case len("a") == 1:
		lambda.StartWithContext(context.Background(), withContext) // want "handler lambda.StartWithContext withContext"
	case len("b") == 1:
		lambda.StartWithOptions(withOptions, lambda.WithEnableSIGTERM()) // want "handler lambda.StartWithOptions withOptions"
	case len("c") == 1:
		lambda.StartHandlerFunc(typed) // want "handler lambda.StartHandlerFunc typed"
	case len("d") == 1:
		lambda.Start(lambda.NewHandler(wrapped)) // want "handler lambda.NewHandler wrapped"
	default:
		lambda.Start(func(ctx context.Context) error { // want "handler lambda.Start main.func1" "handler code: main.func1"
			return nil
		})
	}
}
