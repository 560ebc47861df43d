// Package main registers a handler declared in another package.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/model/crosspkg/handlers"
)

func main() { // want "init code: main"
	h := handlers.New()
	if h != nil {
		lambda.Start(h.Handle) // want "handler lambda.Start \\(\\*Handler\\).Handle"
	}
	lambda.Start(handlers.Plain) // want "handler lambda.Start handlers.Plain"
}
