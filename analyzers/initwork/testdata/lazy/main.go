// Package main does its remote work lazily or in the handler only.
package main

import (
	"context"
	"net/http"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

var once sync.Once

var token string

func fetch() {
	resp, err := http.Get("https://token.example.invalid/")
	if err == nil {
		token = resp.Status
		resp.Body.Close()
	}
}

var loadToken = sync.OnceFunc(fetch) // ok: stored, runs on first use

func handler(ctx context.Context) (string, error) {
	once.Do(fetch) // ok: in an invocation
	loadToken()
	return token, nil
}

func main() {
	lambda.Start(handler)
}
