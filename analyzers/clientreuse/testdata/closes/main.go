// Package main closes clients that outlive the invocation.
package main

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

var (
	db    *sql.DB
	cache *redis.Client
	state struct{ pool *pgxpool.Pool }
)

func shutdown() {
	db.Close() // want `closing the package-level db in handler code breaks every later invocation on this environment`
}

// app is built in main and registered through a method value.
type app struct {
	pool *pgxpool.Pool
	rdb  *redis.Client
}

func (a *app) handle(ctx context.Context) error {
	defer a.pool.Close() // want `closing a.pool, created during INIT, in handler code breaks every later invocation on this environment`
	a.release()
	return nil
}

func (a *app) release() {
	a.rdb.Close() // want `closing a.rdb, created during INIT, in handler code breaks every later invocation on this environment`
}

func handle(ctx context.Context) error {
	defer shutdown()
	defer cache.Close()      // want `closing the package-level cache in handler code`
	defer state.pool.Close() // want `closing the package-level state.pool in handler code`

	local, err := sql.Open("mysql", os.Getenv("DSN")) // want `sql.Open builds a connection pool on every invocation`
	if err != nil {
		return err
	}
	defer local.Close() // ok: the pool of this invocation
	return nil
}

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("PG_URL")) // ok: INIT code
	if err != nil {
		panic(err)
	}
	defer pool.Close() // ok: main is not handler code

	shared, err := sql.Open("mysql", os.Getenv("DSN"))
	if err != nil {
		panic(err)
	}
	a := &app{pool: pool, rdb: redis.NewClient(&redis.Options{})}
	lambda.Start(handle)
	lambda.Start(a.handle)
	lambda.Start(func(ctx context.Context) error {
		return shared.Close() // want `closing shared, created during INIT, in handler code`
	})
}
