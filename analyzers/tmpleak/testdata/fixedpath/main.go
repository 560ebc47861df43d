// Package main converts S3 objects in the shared /tmp root, and the
// right way, in a directory of its own.
package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

const resultPath = "/tmp/result.out"

func convert(src string) ([]byte, error) {
	data, err := os.ReadFile(src) // ok: a read
	if err != nil {
		return nil, err
	}
	return []byte(strings.ToUpper(string(data))), nil
}

func shared(key string, body []byte) error {
	local := filepath.Join("/tmp", filepath.Base(key))
	if err := os.WriteFile(local, body, 0o600); err != nil { // want `file /tmp/…, named at run time, is never removed, so files pile up in /tmp across invocations`
		return err
	}
	out, err := convert(local)
	if err != nil {
		return err
	}
	return os.WriteFile(resultPath, out, 0o600) // want `/tmp/result.out is shared by every invocation in this environment and is never removed`
}

func scoped(key string, body []byte) error {
	dir, err := os.MkdirTemp("", "job-*") // ok: removed by the deferred RemoveAll
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	local := filepath.Join(dir, filepath.Base(key))
	if err := os.WriteFile(local, body, 0o600); err != nil { // ok: inside the directory of this invocation
		return err
	}
	out, err := convert(local)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "result.out"), out, 0o600) // ok: inside the directory of this invocation
}

func handler(ctx context.Context, e events.S3Event) error {
	for _, r := range e.Records {
		body := []byte(r.S3.Object.Key)
		if os.Getenv("SCOPED") != "" {
			if err := scoped(r.S3.Object.Key, body); err != nil {
				return err
			}
			continue
		}
		if err := shared(r.S3.Object.Key, body); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
