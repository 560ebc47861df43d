// Package main registers a handler that another package builds.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/notimeout/served/factory"
)

func main() {
	lambda.Start(factory.New("https://d.example.invalid/")) // want `http.Get has no context.* \(via factory.New → factory.New.func1\)`
}
