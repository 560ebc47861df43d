// Package main keeps two pools for the environment's life, one with a
// limit and one without, and opens a third per invocation.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	_ "github.com/go-sql-driver/mysql"
)

var (
	writer *sql.DB
	reader *sql.DB
)

type event struct {
	Account string `json:"account"`
}

func lookupOnce(ctx context.Context, account string) error {
	db, err := sql.Open("mysql", os.Getenv("LOOKUP_DSN")) // ok: per invocation, which clientreuse reports
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "SELECT 1 FROM accounts WHERE id = ?", account)
	return err
}

func handle(ctx context.Context, ev event) error {
	if _, err := writer.ExecContext(ctx, "UPDATE accounts SET seen = NOW() WHERE id = ?", ev.Account); err != nil {
		return err
	}
	if _, err := reader.ExecContext(ctx, "SELECT 1"); err != nil {
		return err
	}
	return lookupOnce(ctx, ev.Account)
}

func main() {
	var err error
	writer, err = sql.Open("mysql", os.Getenv("WRITER_DSN")) // want `sql.Open pool has no SetMaxOpenConns: each warm environment may open unlimited connections and concurrent environments exhaust the database's limit`
	if err != nil {
		log.Fatal(err)
	}
	writer.SetConnMaxIdleTime(time.Minute) // does not limit open connections

	reader, err = sql.Open("mysql", os.Getenv("READER_DSN")) // ok: limited below
	if err != nil {
		log.Fatal(err)
	}
	reader.SetMaxOpenConns(2)
	reader.SetMaxIdleConns(2)

	lambda.Start(handle)
}
