// Package main keeps pools that another package opens.
package main

import (
	"context"
	"database/sql"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/dbpool/crosspkg/storage"
)

var (
	primary *sql.DB
	limited *sql.DB
	checked *sql.DB
)

func handle(ctx context.Context) error {
	_, err := primary.ExecContext(ctx, "SELECT 1")
	return err
}

func main() {
	var err error
	primary, err = storage.Open() // want `sql.Open pool has no SetMaxOpenConns: .* \(via storage.Open\)`
	if err != nil {
		panic(err)
	}
	limited, err = storage.Open() // ok: limited by storage.Limit
	if err != nil {
		panic(err)
	}
	storage.Limit(limited)
	checked, err = storage.OpenLimited() // ok: limited in storage
	if err != nil {
		panic(err)
	}
	lambda.Start(handle)
}
