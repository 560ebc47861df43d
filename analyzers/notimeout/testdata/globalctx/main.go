// Package main keeps a context in a package-level variable and uses it
// in its handler.
package main

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

var (
	appCtx = context.Background() // ok: INIT code, not a handler
	queue  *sqs.Client
)

func handler(ctx context.Context, body string) error {
	if _, err := queue.SendMessage(appCtx, &sqs.SendMessageInput{MessageBody: &body}); err != nil { // want `\(\*sqs.Client\).SendMessage gets package-level context appCtx instead of the handler's, so it can keep running until the invocation times out`
		return err
	}
	sub, cancel := context.WithCancel(appCtx)
	defer cancel()
	if _, err := queue.SendMessage(sub, &sqs.SendMessageInput{MessageBody: &body}); err != nil { // want `gets package-level context appCtx`
		return err
	}
	bounded, stop := context.WithTimeout(appCtx, time.Second)
	defer stop()
	_, err := queue.SendMessage(bounded, &sqs.SendMessageInput{MessageBody: &body}) // ok: bounded on the spot
	return err
}

func detach(ctx context.Context) context.Context {
	return context.WithoutCancel(ctx) // want `context.WithoutCancel drops the handler's deadline`
}

func flush(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second) // ok: bounded on the spot
	defer cancel()
	_, err := queue.SendMessage(detach(ctx), &sqs.SendMessageInput{})
	return err
}

func main() {
	lambda.Start(func(ctx context.Context, body string) error {
		if err := handler(ctx, body); err != nil {
			return err
		}
		return flush(ctx)
	})
}
