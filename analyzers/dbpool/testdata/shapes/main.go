// Package main keeps pools in the shapes real functions use.
package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"os"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	auditDB  *sql.DB
	lazyDB   *sql.DB
	ordersDB = sync.OnceValues(func() (*sql.DB, error) {
		return sql.Open("mysql", os.Getenv("ORDERS_DSN")) // want `sql.Open pool has no SetMaxOpenConns`
	})
	billingDB = sync.OnceValues(func() (*sql.DB, error) {
		db, err := sql.Open("mysql", os.Getenv("BILLING_DSN")) // ok: limited in the once body
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		return db, nil
	})
	pgPool *pgxpool.Pool
	events querier
)

// querier is satisfied by *sql.DB.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// store holds the pool of one database.
type store struct{ db *sql.DB }

func (s *store) limit(n int) { s.db.SetMaxOpenConns(n) }

func newStore(dsn string) (*store, error) {
	db, err := sql.Open("mysql", dsn) // ok: limited by store.limit
	if err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

func openUnlimited(dsn string) *sql.DB {
	db, err := sql.Open("mysql", dsn) // want `sql.Open pool has no SetMaxOpenConns`
	if err != nil {
		panic(err)
	}
	return db
}

func openZero(dsn string) *sql.DB {
	db, err := sql.Open("mysql", dsn) // want `sql.Open pool has no SetMaxOpenConns`
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(0) // zero means no limit
	return db
}

// lazy opens the pool on first use in the handler and keeps it.
func lazy() (*sql.DB, error) {
	if lazyDB != nil {
		return lazyDB, nil
	}
	db, err := sql.Open("mysql", os.Getenv("LAZY_DSN")) // want `sql.Open pool has no SetMaxOpenConns`
	if err != nil {
		return nil, err
	}
	lazyDB = db
	return db, nil
}

func handler(users *sql.DB, s *store) func(context.Context) error {
	return func(ctx context.Context) error {
		if _, err := users.ExecContext(ctx, "SELECT 1"); err != nil {
			return err
		}
		if _, err := s.db.ExecContext(ctx, "SELECT 1"); err != nil {
			return err
		}
		if _, err := lazy(); err != nil {
			return err
		}
		return pgPool.Ping(ctx)
	}
}

func init() {
	conn, err := sql.Open("mysql", os.Getenv("AUDIT_DSN")) // ok: limited through the alias auditDB
	if err != nil {
		panic(err)
	}
	auditDB = conn
	auditDB.SetMaxOpenConns(1)
}

func main() {
	var connector driver.Connector
	users := sql.OpenDB(connector) // want `sql.OpenDB pool has no SetMaxOpenConns`
	s, err := newStore(os.Getenv("STORE_DSN"))
	if err != nil {
		panic(err)
	}
	s.limit(1)
	reports := openUnlimited(os.Getenv("REPORTS_DSN"))
	_ = openZero(os.Getenv("ZERO_DSN"))
	events, err = sql.Open("mysql", os.Getenv("EVENTS_DSN")) // want `sql.Open pool has no SetMaxOpenConns`
	if err != nil {
		panic(err)
	}
	pgPool, err = pgxpool.New(context.Background(), os.Getenv("PG_URL")) // ok: pgxpool has a default limit
	if err != nil {
		panic(err)
	}
	lambda.Start(func(ctx context.Context) error {
		if _, err := events.ExecContext(ctx, "SELECT 1"); err != nil {
			return err
		}
		if _, err := reports.ExecContext(ctx, "SELECT 1"); err != nil {
			return err
		}
		return handler(users, s)(ctx)
	})
}
