// Package main records network calls during INIT that initwork misses
// today. Each is a real fault; none is reported.
package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

func get() {
	resp, err := http.Get("https://a.example.invalid/")
	if err == nil {
		resp.Body.Close()
	}
}

// retry calls f; func values passed on are not followed during INIT,
// because most callees store them for later.
func retry(f func()) { f() }

func handler(ctx context.Context) error { return nil }

func main() {
	// Missed: the call happens inside retry, through its parameter.
	retry(get)

	lambda.Start(handler)
}
