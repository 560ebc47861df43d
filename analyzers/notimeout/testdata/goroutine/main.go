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

func handler(ctx context.Context, _ events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	ts, err := tickets.list(ctx)
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
		bg := context.TODO() // want `context.TODO\(\) drops the handler's deadline`
		_ = tickets.close(bg, "last")
	}()
	return events.APIGatewayProxyResponse{StatusCode: 200}, nil
}

func main() {
	lambda.Start(handler)
}
