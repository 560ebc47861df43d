// Package main lives in a module whose path has no dot, like the
// standard library's packages: the model must still resolve the
// interface calls to the module's own types.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"dotless/impl"
)

type saver interface {
	Save(ctx context.Context) error
}

var s saver = impl.Disk{}

func handler(ctx context.Context) error { // want "handler code: handler"
	return s.Save(ctx) // want "handler calls impl.Disk.Save"
}

func main() { // want "init code: main"
	lambda.Start(handler) // want "handler lambda.Start handler"
}
