// Package main joins every goroutine it starts before the handler
// returns, in the ways Go programs usually do. Nothing is reported.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type result struct {
	key string
	err error
}

func fetch(_ context.Context, key string) result { return result{key: key} }

// addDone joins with Add, go, defer Done and Wait.
func addDone(ctx context.Context, keys []string) []result {
	out := make([]result, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = fetch(ctx, k)
		}()
	}
	wg.Wait()
	return out
}

// deferredWait registers the Wait before starting the goroutines.
func deferredWait(ctx context.Context, keys []string) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(ctx, k)
		}()
	}
}

// rangeResults collects a result per goroutine with a range over the
// channel, which a closer goroutine closes.
func rangeResults(ctx context.Context, keys []string) error {
	results := make(chan result)
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go worker(ctx, k, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var errs []error
	for r := range results {
		errs = append(errs, r.err)
	}
	return errors.Join(errs...)
}

func worker(ctx context.Context, key string, out chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	out <- fetch(ctx, key)
}

// selectFirst waits for the goroutine or for the deadline in a select.
func selectFirst(ctx context.Context, key string) (result, error) {
	ch := make(chan result, 1)
	go func() { ch <- fetch(ctx, key) }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		return result{}, ctx.Err()
	}
}

// fanOut is given the caller's WaitGroup; the caller waits.
func fanOut(ctx context.Context, wg *sync.WaitGroup, keys []string) {
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(ctx, k)
		}()
	}
}

// async returns a channel that its goroutine fills; the caller
// receives from it.
func async(ctx context.Context, key string) <-chan result {
	ch := make(chan result, 1)
	go func() { ch <- fetch(ctx, key) }()
	return ch
}

// signalsThroughHelper signals from a function that the goroutine calls.
func signalsThroughHelper(ctx context.Context, key string) result {
	ch := make(chan result)
	go func() { deliver(ch, fetch(ctx, key)) }()
	return <-ch
}

func deliver(ch chan<- result, r result) { ch <- r }

// closedInDefer signals with a deferred func literal.
func closedInDefer(ctx context.Context, key string) {
	done := make(chan struct{})
	go func() {
		defer func() { close(done) }()
		fetch(ctx, key)
	}()
	<-done
}

// stream returns the reader of a pipe that its goroutine fills. The
// reader is the response body, which is read until the writer closes.
func stream(rows []string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		defer pw.Close()
		for _, r := range rows {
			fmt.Fprintln(pw, r)
		}
	}()
	return pr
}

// watched starts a watchdog that the deferred close ends.
func watched(ctx context.Context, key string) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-done:
		case <-time.After(time.Second):
			log.Printf("fetching %s takes long", key)
		}
	}()
	fetch(ctx, key)
}

// watchedByLiteral closes the watchdog's channel in a deferred func
// literal.
func watchedByLiteral(ctx context.Context, key string) {
	done := make(chan struct{})
	defer func() { close(done) }()
	go watchdog(done, key)
	fetch(ctx, key)
}

func watchdog(done <-chan struct{}, key string) {
	select {
	case <-done:
	case <-time.After(time.Second):
		log.Printf("fetching %s takes long", key)
	}
}

type batcher struct {
	wg      sync.WaitGroup
	pending []string
}

// add starts a goroutine on the batcher's WaitGroup; flush waits.
func (b *batcher) add(ctx context.Context, key string) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		fetch(ctx, key)
	}()
}

func (b *batcher) flush() { b.wg.Wait() }

func handler(ctx context.Context, keys []string) error {
	addDone(ctx, keys)
	deferredWait(ctx, keys)
	if err := rangeResults(ctx, keys); err != nil {
		return err
	}
	if _, err := selectFirst(ctx, "a"); err != nil {
		return err
	}

	var wg sync.WaitGroup
	fanOut(ctx, &wg, keys)
	wg.Wait()

	r := <-async(ctx, "b")
	_ = r
	signalsThroughHelper(ctx, "c")
	closedInDefer(ctx, "d")

	_, _ = io.Copy(io.Discard, stream(keys))
	watched(ctx, "f")
	watchedByLiteral(ctx, "g")

	b := &batcher{}
	b.add(ctx, "e")
	b.flush()
	return nil
}

func main() {
	lambda.Start(handler)
}
