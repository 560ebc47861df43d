// Package main leaves goroutines running when the handler returns.
package main

import (
	"context"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct {
	Keys []string
}

func publish(_ context.Context, key string) { log.Print(key) }

type metrics struct{ count int }

func (m *metrics) push() { log.Print(m.count) }

// notify starts a goroutine and returns at once.
func notify(ctx context.Context, key string) {
	go publish(ctx, key) // want `goroutine started in handler code is not joined before the handler returns`
}

// countOnly counts its goroutines on a WaitGroup but never waits.
func countOnly(ctx context.Context, keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() { // want `goroutine started in handler code is not joined`
			defer wg.Done()
			publish(ctx, k)
		}()
	}
}

// waitsForOther waits on a channel, but its goroutine signals nothing,
// so the wait is not for it.
func waitsForOther(ctx context.Context, ready <-chan struct{}) {
	go publish(ctx, "x") // want `goroutine started in handler code is not joined`
	<-ready
}

func handler(ctx context.Context, ev event) error {
	notify(ctx, "start")
	countOnly(ctx, ev.Keys)

	m := &metrics{count: len(ev.Keys)}
	go m.push() // want `goroutine started in handler code is not joined`

	var wg sync.WaitGroup // the handler's own: the runtime never waits on it
	wg.Add(1)
	go func() { // want `goroutine started in handler code is not joined`
		defer wg.Done()
		publish(ctx, "tail")
	}()

	ready := make(chan struct{})
	close(ready)
	waitsForOther(ctx, ready)

	run := func() { publish(ctx, "f") }
	go run() // want `goroutine started in handler code is not joined`
	return nil
}

func main() {
	lambda.Start(handler)
}
