// Package main calls libraries that make contexts of their own: a
// validator whose Struct runs StructCtx with context.Background(), and
// a retry helper that falls back to context.Background() when its
// backoff has none. Neither waits on the network, and neither is the
// handler's code to change, so neither is reported. The handler's own
// context.Background() still is.
package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/cenkalti/backoff/v4"
	"github.com/go-playground/validator/v10"
)

type order struct {
	ID    string `json:"id" validate:"required"`
	Total int    `json:"total" validate:"gte=0"`
}

var validate = validator.New()

func handler(ctx context.Context, o order) error {
	if err := validate.Struct(o); err != nil { // ok: the validator's own context does no I/O
		return err
	}
	op := func() error {
		if o.Total > 1000 {
			return backoff.Permanent(errors.New("too large"))
		}
		return nil
	}
	if err := backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 3)); err != nil { // ok: the retry helper's fallback context is not used for a call
		return err
	}
	return send(context.Background(), o) // want `context.Background\(\) drops the handler's deadline`
}

func send(ctx context.Context, o order) error {
	_ = ctx
	return nil
}

func main() {
	lambda.Start(handler)
}
