// Package main keeps request data in locals and writes only
// request-independent values into package-level state.
package main

import (
	"context"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	coldStart   = true
	client      *s3.Client
	lastRun     time.Time
	invocations int
	processed   int
	sawEmpty    bool
	bucket      string
)

func init() {
	bucket = os.Getenv("BUCKET") // ok: INIT code
}

type result struct{ Keys []string }

func collect(e events.S3Event) result {
	var r result
	for _, rec := range e.Records {
		r.Keys = append(r.Keys, rec.S3.Object.Key) // ok: a value of this invocation
	}
	return r
}

func handler(ctx context.Context, e events.S3Event) (result, error) {
	coldStart = false // ok: a constant
	if client == nil {
		cfg, err := config.LoadDefaultConfig(ctx) // the context does not make the client request data
		if err != nil {
			return result{}, err
		}
		client = s3.NewFromConfig(cfg) // ok: a client
	}
	lastRun = time.Now()           // ok: not from the request
	invocations++                  // ok: a counter
	processed += len(e.Records)    // ok: a count
	sawEmpty = len(e.Records) == 0 // ok: a truth value
	return collect(e), nil
}

func main() {
	lambda.Start(handler)
}
