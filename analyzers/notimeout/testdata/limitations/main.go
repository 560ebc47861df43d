// Package main records calls without a deadline that notimeout misses
// today. Each is a real fault; none is reported.
package main

import (
	"context"
	"net/http"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

// newRequest builds a request without a context for its callers.
func newRequest(url string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	return req
}

func viaHelper() error {
	// Missed: the request comes from another function, and only a
	// request built by http.NewRequest in the same function is traced.
	resp, err := http.DefaultClient.Do(newRequest("https://a.example.invalid/"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ping() error {
	_, err := http.Get("https://b.example.invalid/")
	return err
}

// actions is a dispatch table; calls through it are not resolved.
var actions = map[string]func() error{"ping": ping}

func handler(ctx context.Context, action string) error {
	if err := viaHelper(); err != nil {
		return err
	}
	// Missed: ping is reached only through the map.
	return actions[action]()
}

func dryRun(ctx context.Context, action string) error { return nil }

// pick chooses a handler at run time.
func pick() func(context.Context, string) error {
	if os.Getenv("DRY_RUN") != "" {
		return dryRun
	}
	return handler
}

func main() {
	// Missed: a handler chosen at run time is not resolved, so nothing
	// above is known to be handler code.
	h := pick()
	lambda.Start(h)
	lambda.Start(func(ctx context.Context, v string) error {
		return createName(nil, v)
	})
}
