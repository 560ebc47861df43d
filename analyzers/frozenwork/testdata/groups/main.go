// Package main starts goroutines with WaitGroup.Go and errgroup.
package main

import (
	"context"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sync/errgroup"
)

func load(_ context.Context, key string) error {
	log.Print(key)
	return nil
}

func good(ctx context.Context, keys []string) error {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() { _ = load(ctx, k) }) // ok: wg.Wait below
	}
	wg.Wait()

	g, gctx := errgroup.WithContext(ctx)
	for _, k := range keys {
		g.Go(func() error { return load(gctx, k) }) // ok: returned g.Wait
	}
	return g.Wait()
}

func goodDeferred(ctx context.Context, keys []string) {
	var g errgroup.Group
	defer func() { _ = g.Wait() }()
	for _, k := range keys {
		g.Go(func() error { return load(ctx, k) }) // ok: deferred Wait
	}
}

// spawnOn starts work on the caller's group; the caller waits.
func spawnOn(ctx context.Context, g *errgroup.Group, key string) {
	g.Go(func() error { return load(ctx, key) }) // ok: the caller's group
}

func bad(ctx context.Context, keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() { _ = load(ctx, k) }) // want `goroutine started by sync.\(\*WaitGroup\).Go in handler code is not waited for before the handler returns`
	}

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return load(gctx, "a") })    // want `goroutine started by errgroup.\(\*Group\).Go in handler code is not waited for`
	g.TryGo(func() error { return load(gctx, "b") }) // want `goroutine started by errgroup.\(\*Group\).TryGo in handler code is not waited for`
}

func handler(ctx context.Context, keys []string) error {
	if err := good(ctx, keys); err != nil {
		return err
	}
	goodDeferred(ctx, keys)

	var g errgroup.Group
	spawnOn(ctx, &g, "c")
	if err := g.Wait(); err != nil {
		return err
	}
	bad(ctx, keys)
	return nil
}

func main() {
	lambda.Start(handler)
}
