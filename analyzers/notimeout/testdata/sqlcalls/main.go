// Package sqlcalls queries a database from a handler with and without
// the handler's context.
package main

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

var primary, replica *sql.DB

type query struct {
	Customer string `json:"customer"`
	Fast     bool   `json:"fast"`
}

func legacy(customer string) ([]string, error) {
	db, err := sql.Open("mysql", os.Getenv("DB_DSN"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("SELECT id FROM orders WHERE customer = ?", customer) // want `\(\*sql.DB\).Query takes no context, so a slow database can keep the invocation waiting until it times out \(use QueryContext\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return collect(rows)
}

func shared(ctx context.Context, customer string) ([]string, error) {
	rows, err := replica.QueryContext(ctx, "SELECT id FROM orders WHERE customer = ?", customer) // ok: the handler's ctx
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return collect(rows)
}

func collect(rows *sql.Rows) ([]string, error) {
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func transfer(ctx context.Context) error {
	if err := primary.Ping(); err != nil { // want `\(\*sql.DB\).Ping takes no context`
		return err
	}
	tx, err := primary.Begin() // want `\(\*sql.DB\).Begin takes no context`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE a SET n = n - 1"); err != nil { // want `\(\*sql.Tx\).Exec takes no context`
		return err
	}
	stmt, err := tx.Prepare("UPDATE b SET n = n + 1") // want `\(\*sql.Tx\).Prepare takes no context`
	if err != nil {
		return err
	}
	if _, err := stmt.Exec(); err != nil { // want `\(\*sql.Stmt\).Exec takes no context`
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT n FROM a").Scan(&n); err != nil { // ok: the handler's ctx
		return err
	}
	return tx.Commit() // ok: Commit has no context form
}

func handler(ctx context.Context, q query) ([]string, error) {
	if q.Fast {
		return shared(ctx, q.Customer)
	}
	if _, err := primary.ExecContext(ctx, "UPDATE customers SET seen = NOW() WHERE id = ?", q.Customer); err != nil { // ok: the handler's ctx
		return nil, err
	}
	if err := transfer(ctx); err != nil {
		return nil, err
	}
	return legacy(q.Customer)
}

func main() {
	var err error
	primary, err = sql.Open("mysql", os.Getenv("DB_DSN"))
	if err != nil {
		panic(err)
	}
	if err := primary.Ping(); err != nil { // ok: INIT code, not a handler
		panic(err)
	}
	replica, _ = sql.Open("mysql", os.Getenv("DB_REPLICA_DSN"))
	lambda.Start(handler)
}
