// Package main records goroutines that frozenwork misses today. Each is
// left running when the handler returns; none is reported.
package main

import (
	"context"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func slow(ctx context.Context) string {
	time.Sleep(time.Second)
	return "late"
}

// withTimeout gives up on the goroutine after a while, and the select
// counts as a wait.
func withTimeout(ctx context.Context) string {
	ch := make(chan string, 1)
	// Missed: the goroutine outlives the timeout branch.
	go func() { ch <- slow(ctx) }()
	select {
	case s := <-ch:
		return s
	case <-time.After(100 * time.Millisecond):
		return ""
	}
}

// waitsForOne waits for the first goroutine only, but any wait joins
// every goroutine that signals.
func waitsForOne(ctx context.Context) {
	first := make(chan struct{})
	second := make(chan struct{})
	go func() { defer close(first); slow(ctx) }()
	// Missed: nothing receives from second.
	go func() { defer close(second); slow(ctx) }()
	<-first
}

// spawn hands the goroutine the caller's WaitGroup, and counts as
// joined by the caller, which never waits.
func spawn(ctx context.Context, wg *sync.WaitGroup) {
	wg.Add(1)
	// Missed: the caller does not call wg.Wait.
	go func() {
		defer wg.Done()
		slow(ctx)
	}()
}

// watch stops when ctx is cancelled. A context parameter counts as one
// that ends with the invocation, so the goroutine is not reported, even
// for the caller below that passes a context that nothing cancels.
func watch(ctx context.Context) {
	go func() {
		// Missed: this ctx is context.Background() in uncancelled.
		<-ctx.Done()
	}()
}

func uncancelled() { watch(context.Background()) }

// jobs is a dispatch table; calls through it are not resolved.
var jobs = map[string]func(context.Context){
	"bg": func(ctx context.Context) {
		// Missed: reached only through the map.
		go slow(ctx)
	},
}

func handler(ctx context.Context, job string) error {
	withTimeout(ctx)
	waitsForOne(ctx)

	var wg sync.WaitGroup
	spawn(ctx, &wg)

	jobs[job](ctx)
	uncancelled()
	return nil
}

func main() {
	lambda.Start(handler)
}
