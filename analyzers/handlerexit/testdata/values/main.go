// Package main ends the process through function and method values.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, id string) error {
	if id == "a" {
		fatal := log.Fatalf
		fatal("x %s", id) // want `^log.Fatalf in handler code`
	}
	if id == "b" {
		fatalln := log.Default().Fatalln
		fatalln("y") // want `^\(\*log.Logger\).Fatalln in handler code`
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
