// Package main has faults whose suggested fixes hand the handler's ctx
// to the call.
package main

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/service/sqs"
)

var (
	db    *sql.DB
	queue *sqs.SQS
)

func fetch(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `\(\*http.Client\).Do sends a request built by http.NewRequest`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func count(ctx context.Context, table string) (int, error) {
	var n int
	err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n) // want `\(\*sql.DB\).QueryRow takes no context`
	if err != nil {
		return 0, err
	}
	if err := db.Ping(); err != nil { // want `\(\*sql.DB\).Ping takes no context`
		return 0, err
	}
	return n, nil
}

func purge(ctx context.Context, url string) error {
	_, err := queue.PurgeQueue(&sqs.PurgeQueueInput{QueueUrl: &url}) // want `\(\*sqs.SQS\).PurgeQueue takes no context`
	return err
}

func handler(ctx context.Context, url string) error {
	bg := context.Background() // want `context.Background\(\) drops the handler's deadline`
	if err := fetch(bg, url); err != nil {
		return err
	}
	if _, err := count(ctx, "jobs"); err != nil {
		return err
	}
	if ctx := context.TODO(); ctx != nil { // want `context.TODO\(\) drops the handler's deadline`
		_ = ctx
	}
	return purge(ctx, url)
}

func noContext(url string) error {
	return fetch(context.TODO(), url) // want `context.TODO\(\) drops the handler's deadline`
}

func main() {
	lambda.Start(func(ctx context.Context, url string) error {
		if err := handler(ctx, url); err != nil {
			return err
		}
		return noContext(url)
	})
}
