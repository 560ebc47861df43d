// Package main records faults that clientreuse misses today. Each is a
// real fault; none is reported.
package main

import (
	"context"
	"database/sql"
	"os"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/redis/go-redis/v9"
)

var (
	cfg   aws.Config
	db    *sql.DB
	getDB = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("mysql", os.Getenv("DSN")) })
)

// build calls the constructor it is given.
func build[T any](construct func() T) T { return construct() }

type deps struct{ objects *s3.Client }

// fill stores a new client in the struct its caller owns.
func fill(d *deps) {
	d.objects = s3.NewFromConfig(cfg)
}

func handle(ctx context.Context) error {
	// Missed: a client returned by a func value is not followed.
	_ = build(func() *redis.Client { return redis.NewClient(&redis.Options{}) })

	// Missed: a store into a field of a parameter counts as kept,
	// although this struct lives for one invocation.
	var d deps
	fill(&d)

	// Missed: the pool comes from a call through a package-level func
	// value, whose origin is not followed.
	shared, err := getDB()
	if err != nil {
		return err
	}
	defer shared.Close()

	// Missed: opening into a package-level variable counts as kept, and
	// closing a variable that the same function sets is not reported,
	// so a pool opened and closed on every invocation goes unnoticed.
	db, err = sql.Open("mysql", os.Getenv("DSN"))
	if err != nil {
		return err
	}
	defer db.Close()

	// Missed: a variable captured by a func literal counts as kept.
	var objects *s3.Client
	func() { objects = s3.NewFromConfig(cfg) }()
	_ = objects
	return nil
}

func main() {
	lambda.Start(handle)
}
