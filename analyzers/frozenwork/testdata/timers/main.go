// Package main uses timers and tickers in a handler.
package main

import (
	"context"
	"log"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func flush() { log.Print("flush") }

func poll(ctx context.Context, ready func() bool) error {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop() // ok: stopped on every return
	for {
		select {
		case <-t.C:
			if ready() {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func pollLeaky(ctx context.Context, ready func() bool) error {
	t := time.NewTicker(100 * time.Millisecond) // want `time.NewTicker in handler code is not stopped before the handler returns, so the ticker outlives the invocation and fires again once Lambda thaws the environment`
	for range t.C {
		if ready() {
			return nil
		}
	}
	return nil
}

func pollTick(ready func() bool) {
	for range time.Tick(time.Second) { // want `time.Tick in handler code starts a ticker that cannot be stopped`
		if ready() {
			return
		}
	}
}

func waitTimer(ctx context.Context) error {
	t := time.NewTimer(time.Second) // ok: the handler waits for it to fire
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	}
}

func firedTimer() {
	t := time.NewTimer(10 * time.Millisecond) // ok: received from before returning
	<-t.C
}

func forgottenTimer() *time.Timer {
	t := time.NewTimer(time.Minute) // want `time.NewTimer in handler code is neither stopped nor waited for`
	t.Reset(2 * time.Minute)
	return nil
}

func debounce() {
	time.AfterFunc(time.Second, flush) // want `time.AfterFunc in handler code is not stopped before the handler returns, so its func runs in a later invocation, once Lambda thaws the environment, or never`
}

func guarded(fail bool) error {
	t := time.AfterFunc(time.Second, flush) // want `time.AfterFunc in handler code is not stopped`
	if fail {
		return context.Canceled // leaves the timer running
	}
	t.Stop()
	return nil
}

func stoppedOnBothPaths(fail bool) error {
	t := time.AfterFunc(time.Second, flush) // ok: stopped on every path
	if fail {
		t.Stop()
		return context.Canceled
	}
	t.Stop()
	return nil
}

func watchdog(ctx context.Context) {
	t := time.AfterFunc(5*time.Second, func() { log.Print("slow") }) // ok: deferred Stop
	defer t.Stop()
	_ = ctx
}

func signalled() {
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() { close(done) }) // ok: the handler waits for the func
	<-done
}

type scheduler struct{ timer *time.Timer }

func (s *scheduler) arm() {
	s.timer = time.AfterFunc(time.Minute, flush) // ok: kept in a field, its owner stops it
}

func after(ctx context.Context) error {
	select {
	case <-time.After(time.Second): // ok: time.After runs no code of its own
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func handler(ctx context.Context) error {
	ready := func() bool { return true }
	if err := poll(ctx, ready); err != nil {
		return err
	}
	_ = pollLeaky(ctx, ready)
	pollTick(ready)
	_ = waitTimer(ctx)
	firedTimer()
	forgottenTimer()
	debounce()
	_ = guarded(false)
	_ = stoppedOnBothPaths(false)
	watchdog(ctx)
	signalled()
	(&scheduler{}).arm()
	return after(ctx)
}

func main() {
	lambda.Start(handler)
}
