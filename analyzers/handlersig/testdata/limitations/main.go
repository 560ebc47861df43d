// Package main records handlers that aws-lambda-go rejects and
// handlersig misses today. Each is a real fault, and none is reported.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

type order struct {
	Number string
	// Done cannot be decoded, so a payload with a "Done" field fails.
	Done chan struct{}
}

func count(ctx context.Context, o order) int { return 0 }

func variadic(ctx context.Context, orders ...order) error { return nil }

func structEvent(ctx context.Context, o order) error { return nil }

// wrap returns its handler as an interface{}, as many middlewares do.
func wrap(h any) any { return h }

func main() {
	var h any = count
	switch os.Getenv("MODE") {
	case "var":
		// Missed: the static type is any, and the dynamic type is not
		// followed back to count.
		lambda.Start(h)
	case "wrapped":
		// Missed: the middleware's result is an interface{}.
		lambda.Start(wrap(count))
	case "variadic":
		// Missed: an object payload fails to decode into []order, and an
		// array payload fails to be passed to the variadic parameter.
		lambda.Start(variadic)
	default:
		// Missed: only payloads with a "Done" field fail.
		lambda.Start(structEvent)
	}
}
