// Package goroutine starts background work from a handler with a fresh
// context, so that it "is not cancelled".
package main

import (
	"context"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type ticket struct {
	ID    string
	State string
}

type repo struct{}

func (repo) list(context.Context) ([]ticket, error) { return []ticket{{"t1", "open"}}, nil }

func (repo) close(_ context.Context, id string) error {
	log.Printf("closed %s", id)
	return nil
}

func (repo) tag(_ context.Context, t *ticket) { t.State += "/seen" }

var tickets repo

func sweep(ctx context.Context, ts []ticket) {
	for _, t := range ts {
		if t.State == "open" {
			_ = tickets.close(ctx, t.ID)
		}
	}
}

func watch(ctx context.Context) { <-ctx.Done() }

func startWatch(ctx context.Context) {
	go func() { watch(ctx) }()
}

func nilSafe(ctx context.Context) context.Context {
	if ctx == nil {
		ctx = context.TODO() // ok: a default for callers without a context
	}
	return ctx
}

func handler(ctx context.Context, _ events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	ts, err := tickets.list(nilSafe(ctx))
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 500}, err
	}
	var wg sync.WaitGroup
	for i := range ts {
		wg.Go(func() { tickets.tag(ctx, &ts[i]) }) // ok: the handler's ctx
	}
	wg.Wait()

	go sweep(context.Background(), ts) // want `context.Background\(\) drops the handler's deadline`

	go func() {
		// ok: the invocation does not wait for this goroutine, whose
		// fate after the handler returns is another check's concern.
		bg := context.TODO()
		_ = tickets.close(bg, "last")
	}()

	var fan sync.WaitGroup
	fan.Add(1)
	go func() {
		defer fan.Done()
		_ = tickets.close(context.TODO(), "joined") // want `context.TODO\(\) drops the handler's deadline`
	}()
	fan.Wait()

	health, stop := context.WithCancel(context.Background()) // ok: only a goroutine uses it, and it is cancelled on return
	defer stop()
	startWatch(health)
	return events.APIGatewayProxyResponse{StatusCode: 200}, nil
}

func main() {
	lambda.Start(handler)
}
