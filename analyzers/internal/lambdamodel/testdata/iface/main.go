// Package main calls an interface whose implementations live here and
// in another package.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/model/iface/impl"
)

type store interface {
	Put(ctx context.Context, key string) error
}

type memory struct{}

func (memory) Put(ctx context.Context, key string) error { return nil } // want "handler code: memory.Put"

var db store = impl.Dynamo{}

func handler(ctx context.Context, key string) error { // want "handler code: handler"
	return db.Put(ctx, key) // want "handler calls impl.Dynamo.Put"
}

func main() { // want "init code: main"
	lambda.Start(handler) // want "handler lambda.Start handler"
}
