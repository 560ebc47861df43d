// Package main starts goroutines from generic functions.
package main

import (
	"context"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

// each runs f on every item and waits.
func each[T any](items []T, f func(T)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Go(func() { f(it) }) // ok: waited for
	}
	wg.Wait()
}

// fire runs f on every item in the background.
func fire[T any](items []T, f func(T)) {
	for _, it := range items {
		go f(it) // want `goroutine started in handler code is not joined`
	}
}

func handler(ctx context.Context, ids []int) error {
	each(ids, func(id int) { log.Print(id) })
	fire(ids, func(id int) { log.Print(id) })
	return nil
}

func main() {
	lambda.Start(handler)
}
