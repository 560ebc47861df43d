// Package main prepares /tmp during INIT only, once per environment.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func init() {
	os.WriteFile("/tmp/model.bin", []byte("weights"), 0o600) // ok: INIT code
}

func handler(ctx context.Context) (string, error) {
	b, err := os.ReadFile("/tmp/model.bin") // ok: a read
	return string(b), err
}

func main() {
	os.MkdirAll("/tmp/cache", 0o700) // ok: INIT code
	lambda.Start(handler)
}
