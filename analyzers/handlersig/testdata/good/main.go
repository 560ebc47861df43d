// Package main registers handlers the way aws-lambda-go documents them.
// Nothing here is reported.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

type api struct{ table string }

func (a *api) handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	lc, _ := lambdacontext.FromContext(ctx)
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: a.table + lc.AwsRequestID}, nil
}

func scheduled(ctx context.Context, ev events.EventBridgeEvent) error { return nil }

func batch(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	return events.SQSEventResponse{}, nil
}

func ping() error { return nil }

func raw(ctx context.Context, payload []byte) ([]byte, error) { return payload, nil }

// fromEnv picks the handler at run time, so its static type is any.
func fromEnv() any {
	if os.Getenv("MODE") == "batch" {
		return batch
	}
	return scheduled
}

func main() {
	a := &api{table: os.Getenv("TABLE")}
	switch os.Getenv("MODE") {
	case "api":
		lambda.Start(a.handle)
	case "ping":
		lambda.Start(ping)
	case "raw":
		lambda.StartWithOptions(raw, lambda.WithEnableSIGTERM())
	case "sigterm":
		lambda.StartWithOptions(batch, lambda.WithEnableSIGTERM(func() {}))
	default:
		lambda.Start(fromEnv())
	}
}
