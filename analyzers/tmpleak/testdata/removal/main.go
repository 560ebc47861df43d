// Package main removes what it writes to /tmp, on some paths or all.
package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/aws/aws-lambda-go/lambda"
)

var errEmpty = errors.New("empty payload")

func partial(data []byte) error {
	f, err := os.CreateTemp("", "part-*") // want `temporary file from os.CreateTemp is not removed on every return path`
	if err != nil {
		return err
	}
	if len(data) == 0 {
		return errEmpty // leaves the file behind
	}
	f.Write(data)
	f.Close()
	return os.Remove(f.Name())
}

func everyPath(data []byte) error {
	f, err := os.CreateTemp("", "all-*") // ok: removed on every path after it was created
	if err != nil {
		return err // nothing was created
	}
	if len(data) == 0 {
		os.Remove(f.Name())
		return errEmpty
	}
	f.Write(data)
	f.Close()
	return os.Remove(f.Name())
}

// cleanUp removes a file of this invocation.
func cleanUp(name string) {
	os.Remove(name)
}

func inHelper(data []byte) error {
	if err := os.WriteFile("/tmp/payload.bin", data, 0o600); err != nil { // ok: removed by the helper below
		return err
	}
	defer cleanUp("/tmp/payload.bin")
	return nil
}

// closedOnSuccess only closes the file when the create succeeded: the
// block after the if is reached from the success branch too, so it does
// not excuse the missing removal.
func closedOnSuccess(name string) {
	if f, err := os.Create(filepath.Join(os.TempDir(), filepath.Base(name))); err == nil { // want `named at run time, is never removed`
		f.Close()
	}
}

func handler(ctx context.Context, data []byte) error {
	closedOnSuccess(string(data))
	if err := partial(data); err != nil {
		return err
	}
	if err := everyPath(data); err != nil {
		return err
	}
	return inHelper(data)
}

func main() {
	lambda.Start(handler)
}
