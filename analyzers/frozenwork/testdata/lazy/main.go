// Package main builds a client with a background flusher on first use
// and keeps it in a package-level variable. The flusher serves every
// later invocation, as one started in INIT would, and is not reported.
package main

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type sink interface{ Send(string) }

type client struct {
	queue chan string
}

func (c *client) Send(msg string) { c.queue <- msg }

func (c *client) loop() {
	for msg := range c.queue {
		log.Print(msg)
	}
}

func newClient() *client {
	c := &client{queue: make(chan string, 16)}
	go c.loop() // want `goroutine started in handler code is not joined before the handler returns`
	return c
}

func dial(addr string) (*client, error) {
	if addr == "" {
		return nil, errors.New("missing address")
	}
	return newClient(), nil
}

var (
	events  *client
	metrics sink
	traces  *client
	config  = struct{ audit *client }{}
)

func handler(ctx context.Context, msg string) error {
	if events == nil {
		events = newClient() // ok: kept for later invocations
	}
	if metrics == nil {
		metrics = newClient() // ok: kept, as an interface
	}
	if traces == nil {
		var err error
		traces, err = dial("127.0.0.1:4317") // ok: kept, with an error
		if err != nil {
			return err
		}
	}
	if config.audit == nil {
		config.audit = newClient() // ok: kept in a field of a package-level variable
	}
	events.Send(msg)

	local := newClient() // reported in newClient, where the goroutine starts
	local.Send(msg)

	ctx, cancel := context.WithCancel(ctx)
	go func() { // ok: cancels the context that the handler waits on
		defer cancel()
		time.Sleep(time.Millisecond)
	}()
	<-ctx.Done()
	return nil
}

func main() {
	lambda.Start(handler)
}
