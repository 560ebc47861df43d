// Package main registers values whose Invoke method is the handler.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type raw struct{}

func (raw) Invoke(ctx context.Context, payload []byte) ([]byte, error) { // want "handler code: raw.Invoke"
	return payload, nil
}

type other struct{}

func (*other) Invoke(ctx context.Context, payload []byte) ([]byte, error) { // want "handler code: \\(\\*other\\).Invoke"
	return nil, nil
}

func main() { // want "init code: main"
	if len("x") > 1 {
		lambda.StartHandler(raw{}) // want "handler lambda.StartHandler raw.Invoke"
	}
	lambda.Start(&other{}) // want "handler lambda.Start \\(\\*other\\).Invoke"
}
