// Package main serves one of several functions from one binary, picked
// by an environment variable. Each registration compiles, because
// lambda.Start takes an interface{}. aws-lambda-go rejects the wrong
// ones only when the function starts.
package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// Context is an alias, so it is context.Context itself.
type Context = context.Context

// tenantContext embeds context.Context, but is a struct, not the
// interface.
type tenantContext struct {
	context.Context
	Tenant string
}

type order struct {
	Number string `json:"number"`
}

// Rejected handlers.

func partialBatch(ctx context.Context, ev events.SQSEvent) events.SQSEventResponse {
	var resp events.SQSEventResponse
	for _, r := range ev.Records {
		if r.Body == "" {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: r.MessageId})
		}
	}
	return resp
}

func perTenant(tc tenantContext, o order) error { return nil }

func withFlags(ctx context.Context, o order, dryRun bool) error { return nil }

func swapped(ctx context.Context, o order) (error, string) { return nil, o.Number }

// gatewayAdapter has the method that serves API Gateway events, but no
// Invoke method.
type gatewayAdapter struct{}

func (*gatewayAdapter) Proxy(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{StatusCode: 200}, nil
}

// Accepted handlers.

func fullBatch(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	return partialBatch(ctx, ev), nil
}

func aliased(ctx Context, o order) (string, error) { return o.Number, nil }

func anyEvent(ev any) error { return nil }

// rawHandler implements lambda.Handler, which lambda.Start accepts too.
type rawHandler struct{}

func (rawHandler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	var o order
	if err := json.Unmarshal(payload, &o); err != nil {
		return nil, err
	}
	return json.Marshal(o)
}

func typed(ctx context.Context, o order) (order, error) { return o, nil }

func main() {
	switch os.Getenv("ROLE") {
	case "partial-batch":
		lambda.Start(partialBatch) // want `^lambda.Start handler returns a single value, events.SQSEventResponse, that does not implement error, so aws-lambda-go rejects it and fails every invocation$`
	case "tenant":
		lambda.Start(perTenant) // want `^lambda.Start handler takes two parameters, but the first, tenantContext, is not context.Context, so aws-lambda-go rejects it and fails every invocation$`
	case "flags":
		lambda.StartWithOptions(withFlags, lambda.WithEnableSIGTERM()) // want `^lambda.StartWithOptions handler takes 3 parameters, more than two, so aws-lambda-go rejects it and fails every invocation$`
	case "swapped":
		lambda.Start(swapped) // want `^lambda.Start handler returns two values, but the second, string, does not implement error, so aws-lambda-go rejects it and fails every invocation$`
	case "adapter":
		lambda.Start(&gatewayAdapter{}) // want `^lambda.Start handler of type \*gatewayAdapter is not a func and has no Invoke method of lambda.Handler, so aws-lambda-go rejects it and fails every invocation$`
	case "adapter-method":
		lambda.Start((&gatewayAdapter{}).Proxy) // ok: a method value with a valid signature
	case "full-batch":
		lambda.Start(fullBatch) // ok: (ctx, event) (response, error)
	case "aliased":
		lambda.Start(aliased) // ok: Context is an alias of context.Context
	case "any":
		lambda.Start(anyEvent) // ok: one event parameter and an error result
	case "raw":
		lambda.Start(rawHandler{}) // ok: not a func, but a lambda.Handler
	case "typed":
		lambda.StartHandlerFunc(typed) // ok: the compiler checks the generic form
	default:
		lambda.Start(func(ctx context.Context) error { return nil }) // ok: a func literal with a valid signature
	}
}
