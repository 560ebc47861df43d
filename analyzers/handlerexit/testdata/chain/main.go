// Package main reaches process exits through other packages.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/handlerexit/chain/config"
)

var region = config.Must("AWS_REGION") // ok: INIT code

func bucket() string {
	return config.MustLog("BUCKET") // want `^log.Fatalf in handler code exits the process, so the invocation fails with Runtime.ExitError and the next one pays a cold start \(via config.MustLog\)$`
}

func handler(ctx context.Context) (string, error) {
	table := config.Must("TABLE")             // want `^os.Exit in handler code exits the process, .* \(via config.Must → config.fail → exit.Now\)$`
	if v, ok := config.Lookup("PREFIX"); ok { // ok: no exit
		table = v + table
	}
	return region + bucket() + table, nil
}

func main() {
	config.MustLog("STAGE") // ok: INIT code
	lambda.Start(handler)
}
