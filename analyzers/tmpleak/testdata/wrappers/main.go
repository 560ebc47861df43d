// Package main writes /tmp files through wrappers in another package
// and in its own.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/tmpleak/wrappers/files"
)

func store(name string, data []byte) error {
	return os.WriteFile(name, data, 0o600)
}

func handler(ctx context.Context, data []byte) error {
	if err := files.SaveTemp("/tmp/saved.bin", data); err != nil { // want `/tmp/saved.bin is shared by every invocation in this environment and is never removed`
		return err
	}
	if err := store("/tmp/local.bin", data); err != nil { // want `/tmp/local.bin is shared by every invocation`
		return err
	}
	if err := files.Replace("/tmp/replaced.bin", data); err != nil { // ok: the wrapper removes it
		return err
	}
	if err := files.Save("/tmp/removed.bin", data); err != nil { // ok: removed below
		return err
	}
	defer os.Remove("/tmp/removed.bin")
	return nil
}

func main() {
	lambda.Start(handler)
}
