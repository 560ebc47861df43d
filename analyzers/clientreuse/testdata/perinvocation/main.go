// Package main opens a database pool inside the handler path, next to
// a shared pool that main opens.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	_ "github.com/go-sql-driver/mysql"
)

var reports *sql.DB

type request struct {
	Account string `json:"account"`
	Cached  bool   `json:"cached"`
}

func invoicesSlow(ctx context.Context, account string) (int, error) {
	conn, err := sql.Open("mysql", os.Getenv("INVOICE_DSN")) // want `sql.Open builds a connection pool on every invocation: create it once during INIT or lazily with sync.OnceValues so warm invocations reuse its connections`
	if err != nil {
		return 0, err
	}
	defer conn.Close() // ok: closes the pool this invocation opened

	var n int
	err = conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM invoices WHERE account = ?", account).Scan(&n)
	return n, err
}

func invoicesShared(ctx context.Context, account string) (int, error) {
	var n int
	err := reports.QueryRowContext(ctx, "SELECT COUNT(*) FROM invoices WHERE account = ?", account).Scan(&n) // ok: the shared pool
	return n, err
}

func handle(ctx context.Context, req request) (int, error) {
	if req.Cached {
		return invoicesShared(ctx, req.Account)
	}
	return invoicesSlow(ctx, req.Account)
}

func main() {
	var err error
	reports, err = sql.Open("mysql", os.Getenv("REPORTS_DSN")) // ok: INIT code
	if err != nil {
		log.Fatal(err)
	}
	lambda.Start(handle)
}
