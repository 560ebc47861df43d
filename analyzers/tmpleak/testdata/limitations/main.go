// Package main leaves files in /tmp in ways tmpleak misses today. Each
// is a real fault; none is reported.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func pick(name string) string {
	if name == "" {
		return "/tmp/default.bin"
	}
	return "/tmp/" + name
}

func handler(ctx context.Context, name string) error {
	// Missed: the path comes from another function.
	return os.WriteFile(pick(name), nil, 0o600)
}

func main() {
	lambda.Start(handler)
}
