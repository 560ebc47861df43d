// Package main buffers each batch in a temp file that it never removes:
// every warm invocation leaves one more file in /tmp.
package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

type batch struct {
	Records []string `json:"records"`
}

// spool writes the batch to a new temp file and returns it for reading.
func spool(b batch) (*os.File, error) {
	f, err := os.CreateTemp("", "batch-*.jsonl") // want `temporary file from os.CreateTemp is never removed, so /tmp fills up across invocations`
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	for _, r := range b.Records {
		fmt.Fprintln(w, r)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// summary writes a temp file that a deferred call removes on every return.
func summary(b batch) error {
	f, err := os.CreateTemp("", "summary-*.txt") // ok: removed by the deferred os.Remove
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = fmt.Fprintf(f, "records=%d\n", len(b.Records))
	return err
}

func handler(ctx context.Context, b batch) error {
	f, err := spool(b)
	if err != nil {
		return err
	}
	defer f.Close() // closes the descriptor; the file stays in /tmp
	return summary(b)
}

func main() {
	lambda.Start(handler)
}
