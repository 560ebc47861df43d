// Package main starts a background refresher from the handler, once
// per environment. That is a background worker, like one started in
// INIT, and is not reported.
package main

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

var (
	startOnce sync.Once
	cached    string
)

func refresh() {
	for range time.Tick(time.Minute) { // ok: runs once per environment
		cached = time.Now().String()
	}
}

var startMetrics = sync.OnceFunc(func() {
	go func() { // ok: runs once per environment
		log.Print("metrics")
	}()
})

func handler(ctx context.Context) (string, error) {
	startOnce.Do(func() {
		go refresh() // ok: runs once per environment
	})
	startMetrics()
	return cached, nil
}

func main() {
	lambda.Start(handler)
}
