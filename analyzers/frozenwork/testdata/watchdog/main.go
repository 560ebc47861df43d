// Package main starts goroutines that stop when a context that ends
// with the invocation is cancelled: a health check tied to a context
// whose cancel is deferred, a periodic flush that watches the
// handler's ctx, and the same after a helper. One watches a context
// that nothing cancels.
package main

import (
	"context"
	"database/sql"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/frozenwork/watchdog/metrics"
)

var db *sql.DB

// startHealthCheck pings until ctx is cancelled.
func startHealthCheck(ctx context.Context, db *sql.DB) {
	go func() { // ok: ends when the caller's context is cancelled
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				db.PingContext(ctx)
			}
		}
	}()
}

// connect checks the pool while it sets it up, and stops the check when
// it returns.
func connect() *sql.DB {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	startHealthCheck(ctx, db)
	return db
}

func flush() {}

// withFlusher flushes every second until the deferred cancel, in a
// deferred func literal, stops it.
func withFlusher(ctx context.Context) {
	fctx, cancel := context.WithCancel(context.Background())
	defer func() {
		cancel()
		flush()
	}()
	go func() { // ok: stopped by the deferred cancel
		for {
			select {
			case <-fctx.Done():
				return
			case <-time.After(time.Second):
				flush()
			}
		}
	}()
	_ = ctx
}

// runMetrics is a worker of another kind whose body the check reads
// through its call: started with a context whose cancel is deferred.
func runMetrics(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			flush()
		}
	}
}

// withMetrics starts a worker through a call and stops it in a defer
// that also does other work.
func withMetrics(ctx context.Context) {
	mctx, cancel := context.WithCancel(ctx)
	go runMetrics(mctx, time.Minute) // ok: stopped by the deferred cancel
	defer func() {
		cancel()
		flush()
	}()
}

// withRemoteMetrics starts a worker of another package, whose body the
// check cannot read, with a context whose cancel it defers.
func withRemoteMetrics(ctx context.Context) {
	mctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go metrics.Run(mctx, time.Minute) // ok: stopped by the deferred cancel
}

// forever watches a context that nothing cancels.
func forever() {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	go func() { // want `goroutine started in handler code is not joined`
		<-ctx.Done()
		flush()
	}()
}

func handler(ctx context.Context) error {
	connect()
	withFlusher(ctx)
	withMetrics(ctx)
	withRemoteMetrics(ctx)
	go func() { // ok: aws-lambda-go cancels the handler's ctx when the invocation ends
		<-ctx.Done()
		flush()
	}()
	forever()
	return nil
}

func main() {
	lambda.Start(handler)
}
