// Package main registers a method of a type from another package.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"example.test/notimeout/served/handlers"
)

func main() {
	h := handlers.New("https://x.example.invalid/")
	lambda.Start(h.Handle) // want `http.Get has no context.* \(via handlers.\(\*Handler\).Handle → handlers.get\)` `http.Head has no context.* \(via handlers.\(\*Handler\).Handle → handlers.a, and over 5 more calls like it\)`
}
