// Package main starts work that must outlive the handler with a fresh
// context. It is reported, but the handler's ctx is no fix: it is
// cancelled when the handler returns, so no fix is offered, and the
// golden file equals the source.
package main

import (
	"context"
	"database/sql"

	"github.com/aws/aws-lambda-go/lambda"
)

var db *sql.DB

// audit records a request after the handler returns.
func audit(ctx context.Context, id string) {
	db.ExecContext(ctx, "INSERT INTO audit (id) VALUES (?)", id)
}

func handler(ctx context.Context, id string) error {
	go audit(context.Background(), id) // want `context.Background\(\) drops the handler's deadline`
	return nil
}

func main() {
	lambda.Start(handler)
}
