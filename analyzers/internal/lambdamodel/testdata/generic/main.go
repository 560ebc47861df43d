// Package main calls generic functions from its handler.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

func first[T any](xs []T) T { // want "handler code: first"
	return xs[0]
}

type box[T any] struct{ v T }

func (b *box[T]) get() T { return b.v } // want "handler code: \\(\\*box\\).get"

func handler(ctx context.Context, xs []string) (string, error) { // want "handler code: handler"
	b := &box[string]{v: first(xs)}
	return b.get(), nil
}

func main() { // want "init code: main"
	lambda.Start(handler) // want "handler lambda.Start handler"
}
