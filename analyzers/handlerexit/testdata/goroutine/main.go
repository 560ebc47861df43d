// Package main ends the process from goroutines, closures and lazily
// initialized values that handler code runs.
package main

import (
	"context"
	"log"
	"os"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

// settings loads on first use, during an invocation.
var settings = sync.OnceValue(func() map[string]string {
	path := os.Getenv("SETTINGS")
	if path == "" {
		log.Fatal("SETTINGS is not set") // want `^log.Fatal in handler code exits the process`
	}
	return map[string]string{"path": path}
})

func audit(ctx context.Context, id string) {
	if id == "" {
		log.Fatalln("empty id") // want `^log.Fatalln in handler code exits the process`
	}
}

func each(ids []string, f func(string)) {
	for _, id := range ids {
		f(id)
	}
}

func handler(ctx context.Context, ids []string) error {
	go audit(ctx, "start") // the goroutine exits the process too

	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if id == "stop" {
				os.Exit(1) // want `^os.Exit in handler code exits the process`
			}
		}()
	}
	wg.Wait()

	each(ids, func(id string) {
		if len(id) > 64 {
			log.Fatalf("id too long: %s", id) // want `^log.Fatalf in handler code exits the process`
		}
	})

	_ = settings()["path"]
	return nil
}

func main() {
	lambda.Start(handler)
}
