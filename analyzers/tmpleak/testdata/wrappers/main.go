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
	if err := files.SaveTemp("/tmp/saved.bin", data); err != nil { // want `/tmp/saved.bin is shared by every invocation in this environment and is never removed \(via files.SaveTemp\)`
		return err
	}
	if err := store("/tmp/local.bin", data); err != nil { // want `/tmp/local.bin is shared by every invocation .* \(via store\)`
		return err
	}
	if err := files.Replace("/tmp/replaced.bin", data); err != nil { // ok: the wrapper removes it
		return err
	}
	if err := files.Save("/tmp/removed.bin", data); err != nil { // ok: removed below
		return err
	}
	defer os.Remove("/tmp/removed.bin")

	f, err := os.CreateTemp("", "part-*") // ok: the helper of another package removes it
	if err != nil {
		return err
	}
	defer files.Discard(f.Name())

	g, err := os.CreateTemp("", "scratch-*") // ok: the deferred func literal removes it
	if err != nil {
		return err
	}
	defer func() {
		g.Close()
		os.Remove(g.Name())
	}()
	return nil
}

func main() {
	lambda.Start(handler)
}
