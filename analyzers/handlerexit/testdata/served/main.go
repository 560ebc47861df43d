// Package main serves a handler that another package builds.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/handlerexit/served/factory"
)

func main() {
	h := factory.New() // want `^os.Exit in handler code exits the process, .* \(via factory.New → factory.New.func1\)$`
	lambda.Start(h)
}
