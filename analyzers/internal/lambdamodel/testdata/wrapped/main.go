// Package main registers a handler wrapped by middleware of another
// module: the wrapped function is the handler.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/cfn"
	"github.com/aws/aws-lambda-go/lambda"
)

func custom(ctx context.Context, e cfn.Event) (string, map[string]interface{}, error) { // want "handler code: custom"
	return "id", nil, nil
}

func main() { // want "init code: main"
	lambda.Start(cfn.LambdaWrap(custom)) // want "handler lambda.Start custom"
}
