// Package main warms a cache in main before lambda.Start.
package main

import (
	"context"
	"net/http"
	"os"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

func warm(url string) {
	resp, err := http.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func refresh() {
	warm("https://cache.example.invalid/refresh")
}

func handler(ctx context.Context) error { return nil }

func main() {
	warm("https://cache.example.invalid/") // want `network call http.Get runs during INIT .* \(via warm\)`
	go refresh()                           // ok: a goroutine does not hold up INIT

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `network call http.Get runs during INIT .* \(via main.func1 → warm\)`
		defer wg.Done()
		warm("https://cache.example.invalid/joined")
	}()
	wg.Wait()

	if os.Getenv("AWS_LAMBDA_FUNCTION_NAME") == "" {
		warm("https://localhost.example.invalid/") // ok: runs only outside Lambda
	}
	if _, onLambda := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"); !onLambda {
		warm("https://localhost.example.invalid/seed") // ok: runs only outside Lambda
	}
	if _, onLambda := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"); onLambda {
		warm("https://cache.example.invalid/prime") // want `network call http.Get runs during INIT`
	}

	lambda.Start(handler)
	warm("https://cache.example.invalid/never") // ok: after the serving call
}
