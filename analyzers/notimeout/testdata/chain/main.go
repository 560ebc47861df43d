// Package main reaches calls without a deadline through other packages.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/notimeout/chain/rates"
)

type payment struct {
	Amount   float64
	Currency string
}

func convert(p payment) (float64, error) {
	r, err := rates.Latest(p.Currency) // want `http.Get has no context and http.DefaultClient no timeout, so a stalled server can keep the invocation waiting until it times out \(via rates.Latest → transport.Fetch\)`
	return p.Amount * r, err
}

func handler(ctx context.Context, p payment) (float64, error) {
	if _, err := rates.Historic(ctx, p.Currency); err != nil { // ok: the request carries the handler's ctx
		return 0, err
	}
	if _, err := rates.Detached(p.Currency); err != nil { // want `context.Background\(\) drops the handler's deadline.* \(via rates.Detached\)`
		return 0, err
	}
	return convert(p)
}

func main() {
	if _, err := rates.Latest("EUR"); err != nil { // ok: INIT code, not a handler
		panic(err)
	}
	lambda.Start(handler)
}
