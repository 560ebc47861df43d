// Package main serves a GET request and, just before returning, starts
// a best-effort cleanup goroutine with a fresh context so that it "is
// not cancelled". Lambda freezes the environment once the response is
// returned, so the cleanup stops midway.
package main

import (
	"context"
	"encoding/json"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type reservation struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type table struct{}

func (table) scan(context.Context) ([]reservation, error) {
	return []reservation{{ID: "r1", Status: "held"}, {ID: "r2", Status: "paid"}}, nil
}

func (table) release(_ context.Context, id string) error {
	log.Printf("released %s", id)
	return nil
}

func (table) annotate(_ context.Context, r *reservation) { r.Status += "/seen" }

var reservations table

func releaseHeld(ctx context.Context, rs []reservation) {
	for _, r := range rs {
		if r.Status == "held" {
			if err := reservations.release(ctx, r.ID); err != nil {
				log.Printf("release %s: %v", r.ID, err)
			}
		}
	}
}

func handler(ctx context.Context, _ events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	rs, err := reservations.scan(ctx)
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 500}, err
	}

	var wg sync.WaitGroup
	for i := range rs {
		wg.Go(func() { reservations.annotate(ctx, &rs[i]) }) // ok: joined by wg.Wait below
	}
	wg.Wait()

	logged := make(chan struct{})
	go func() { // ok: joined by the receive on logged
		defer close(logged)
		log.Printf("scanned %d reservations", len(rs))
	}()
	<-logged

	go releaseHeld(context.Background(), rs) // want `goroutine started in handler code is not joined before the handler returns, so Lambda freezes it with the environment and it resumes in a later invocation or never`

	body, _ := json.Marshal(rs)
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: string(body)}, nil
}

func main() {
	lambda.Start(handler)
}
