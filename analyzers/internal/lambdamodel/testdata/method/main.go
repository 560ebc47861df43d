// Package main registers a method value as the handler.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type processor struct{ bucket string }

func (p *processor) handle(ctx context.Context, e events.S3Event) error { // want "handler code: \\(\\*processor\\).handle"
	return p.stage(ctx)
}

func (p *processor) stage(ctx context.Context) error { return nil } // want "handler code: \\(\\*processor\\).stage"

func (p *processor) unused() {}

func main() { // want "init code: main"
	p := &processor{bucket: "b"}
	lambda.Start(p.handle) // want "handler lambda.Start \\(\\*processor\\).handle"
}
