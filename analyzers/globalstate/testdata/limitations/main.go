// Package main leaks request data in ways globalstate misses today.
// Each is a real fault; none is reported.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type sink interface{ Keep(v string) }

type memory struct{ last string }

func (m *memory) Keep(v string) { m.last = v }

var (
	keeper  sink = &memory{}
	queue        = make(chan string, 16)
	pending []string
)

func drain() {
	for v := range queue {
		pending = append(pending, v)
	}
}

func handler(ctx context.Context, name string) error {
	// Missed: the value travels through a channel to a goroutine that
	// stores it; channels are not followed.
	queue <- name
	return nil
}

func main() {
	go drain()
	lambda.Start(handler)
}
