// Package main builds its handler with a function that closes over the
// clients.
package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
)

type deps struct{ table string }

func newHandler(d *deps) func(context.Context, string) (string, error) { // want "init code: newHandler"
	if d == nil {
		return nil
	}
	return func(ctx context.Context, id string) (string, error) { // want "handler code: newHandler.func1"
		return lookup(d, id)
	}
}

func lookup(d *deps, id string) (string, error) { // want "handler code: lookup"
	if id == "" {
		return "", errors.New("missing id")
	}
	return d.table + id, nil
}

func build(d *deps) func(context.Context, string) (string, error) { // want "init code: build"
	return newHandler(d)
}

func main() { // want "init code: main"
	lambda.Start(build(&deps{table: "t"})) // want "handler lambda.Start newHandler.func1"
}
