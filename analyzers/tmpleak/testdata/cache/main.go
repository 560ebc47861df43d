// Package main keeps a request-independent asset in /tmp, written only
// when it is missing, as AWS recommends for static assets.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

const fontPath = "/tmp/fonts/regular.ttf"

var font = []byte("font data")

func ensureFont() error {
	if _, err := os.Stat(fontPath); err == nil {
		return nil
	}
	if err := os.MkdirAll("/tmp/fonts", 0o700); err != nil { // want `/tmp/fonts is shared by every invocation`
		return err
	}
	return os.WriteFile(fontPath, font, 0o600) // ok: written only when absent
}

func handler(ctx context.Context) error {
	return ensureFont()
}

func main() {
	lambda.Start(handler)
}
