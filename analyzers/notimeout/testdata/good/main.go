// Package main is the idiomatic way: every outbound call carries the
// handler's ctx or a client Timeout, and nothing is reported.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type service struct {
	s3     *s3.Client
	db     *sql.DB
	client *http.Client
}

func newService(ctx context.Context) (*service, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", os.Getenv("DSN"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return &service{
		s3:     s3.NewFromConfig(cfg),
		db:     db,
		client: &http.Client{Timeout: 5 * time.Second},
	}, nil
}

func (s *service) handle(ctx context.Context, e events.SQSEvent) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := reload(); err != nil {
		return err
	}
	legacy, err := http.NewRequest(http.MethodGet, api.base, nil)
	if err != nil {
		return err
	}
	if resp, err := api.Do(legacy); err == nil { // ok: the embedded client has a Timeout
		resp.Body.Close()
	}
	for _, m := range e.Records {
		if _, err := s.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String(m.MessageId)}); err != nil {
			return err
		}
		if _, err := s.db.ExecContext(ctx, "INSERT INTO seen VALUES ($1)", m.MessageId); err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://hooks.example.invalid/", nil)
		if err != nil {
			return err
		}
		resp, err := s.client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		resp, err = s.client.Get("https://status.example.invalid/") // bounded by the client's Timeout
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// apiClient embeds its HTTP client by value, with a Timeout.
type apiClient struct {
	http.Client
	base string
}

func newAPIClient(base string) *apiClient {
	timeout := 20 * time.Second
	return &apiClient{http.Client{Timeout: timeout}, base}
}

var api = newAPIClient("https://api.example.invalid/")

// reload builds a fresh configuration in the handler; LoadDefaultConfig
// makes no network call with its context.
func reload() (aws.Config, error) {
	return config.LoadDefaultConfig(context.Background())
}

// shutdown runs after the handler, with a deliberately fresh context.
func shutdown() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	_ = ctx
}

func main() {
	s, err := newService(context.Background())
	if err != nil {
		panic(err)
	}
	defer shutdown()
	lambda.Start(s.handle)
}
