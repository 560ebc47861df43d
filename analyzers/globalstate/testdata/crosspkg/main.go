// Package main records its callers through two other packages.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/globalstate/crosspkg/store"
)

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	store.Remember(req.RequestContext.Identity.Caller) // want `request data stored in package-level var registry.names \(the next invocation in this environment sees it\) \(via store.Remember → registry.Add\)`
	store.Touch()                                      // ok: a constant
	return events.APIGatewayProxyResponse{StatusCode: 200}, nil
}

func main() {
	lambda.Start(handler)
}
