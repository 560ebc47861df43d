// Package main builds other kinds of clients inside the handler.
package main

import (
	"context"
	"net/http"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

func fetch(ctx context.Context, url string) error {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2}} // want `http.Transport builds a connection pool on every invocation`
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func cloned() *http.Client {
	base := http.DefaultTransport.(*http.Transport)
	return &http.Client{Transport: base.Clone()}
}

func sessions() {
	sess := session.Must(session.NewSession()) // want `session.NewSession builds an AWS session on every invocation`
	_ = s3v1.New(sess)                         // want `s3.New builds a client on every invocation`
}

func pools(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("PG_URL")) // want `pgxpool.New builds a connection pool on every invocation`
	if err != nil {
		return err
	}
	defer pool.Close()

	conn, err := pgx.Connect(ctx, os.Getenv("PG_URL")) // want `pgx.Connect opens a connection on every invocation and nothing closes it: close it before the handler returns, or open a pool once during INIT so warm invocations reuse it`
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "SELECT 1")
	return err
}

func caches(ctx context.Context) error {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.NewClient builds a client on every invocation`
	defer rdb.Close()
	cluster := redis.NewClusterClient(&redis.ClusterOptions{}) // want `redis.NewClusterClient builds a client on every invocation`
	defer cluster.Close()
	return rdb.Ping(ctx).Err()
}

func main() {
	lambda.Start(func(ctx context.Context) error {
		if err := fetch(ctx, "https://example.com"); err != nil {
			return err
		}
		_ = cloned() // want `cloned builds a connection pool with http.Transport.Clone on every invocation`
		sessions()
		done := make(chan error, 1)
		go func() { done <- pools(ctx) }()
		if err := <-done; err != nil {
			return err
		}
		return caches(ctx)
	})
}
