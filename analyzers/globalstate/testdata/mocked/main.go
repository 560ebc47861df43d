// Package main calls through a package-level interface value that has
// a testify mock among its implementations. The mock records the
// request in itself, but a deployed function never runs it.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/globalstate/mocked/gateway"
)

var api gateway.Invoker = &gateway.Client{Name: "resources"}

func handler(ctx context.Context, event events.SQSEvent) error {
	for _, msg := range event.Records {
		if err := api.Invoke(msg.Body); err != nil { // ok: only the mock stores its argument
			return err
		}
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
