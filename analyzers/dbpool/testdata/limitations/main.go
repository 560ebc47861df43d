// Package main records pools without a limit that dbpool misses today.
// Each is a real fault; none is reported.
package main

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

// registry keeps the pools it is given.
type registry interface {
	Register(db *sql.DB)
}

type pools struct{ all []*sql.DB }

func (p *pools) Register(db *sql.DB) { p.all = append(p.all, db) }

var (
	tenants          = map[string]*sql.DB{}
	shared  registry = &pools{}
)

// holder keeps a pool in a field; another instance of the same type
// sets its limit.
type holder struct{ db *sql.DB }

func main() {
	// Missed: a pool kept in a map is not followed.
	t, err := sql.Open("mysql", os.Getenv("TENANT_DSN"))
	if err != nil {
		panic(err)
	}
	tenants["a"] = t

	// Missed: a pool given to an interface method counts as handled
	// by code the analyzer does not follow.
	q, err := sql.Open("mysql", os.Getenv("SHARED_DSN"))
	if err != nil {
		panic(err)
	}
	shared.Register(q)

	// Missed: a limit set on one instance of a struct counts for every
	// pool stored in the same field.
	open, err := sql.Open("mysql", os.Getenv("OPEN_DSN"))
	if err != nil {
		panic(err)
	}
	unlimited := &holder{db: open}
	other := &holder{db: t}
	other.db.SetMaxOpenConns(1)

	lambda.Start(func(ctx context.Context) error {
		_, err := unlimited.db.ExecContext(ctx, "SELECT 1")
		return err
	})
}
