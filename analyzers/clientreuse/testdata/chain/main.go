// Package main reaches client construction in another package.
package main

import (
	"context"
	"database/sql"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.test/clientreuse/chain/inventory"
)

var (
	cfg   aws.Config
	stock *sql.DB
)

func openOrders() (*sql.DB, error) {
	return inventory.Open()
}

func handle(ctx context.Context) error {
	if _, err := inventory.Count(ctx); err != nil { // want `sql.Open builds a connection pool on every invocation: .* \(via inventory.Count\)`
		return err
	}
	d, err := inventory.Open() // want `inventory.Open builds a connection pool with sql.Open on every invocation`
	if err != nil {
		return err
	}
	defer d.Close()
	orders, err := openOrders() // want `openOrders builds a connection pool with sql.Open \(via inventory.Open\) on every invocation`
	if err != nil {
		return err
	}
	defer orders.Close()
	_ = inventory.NewStore(cfg)           // want `inventory.NewStore builds a client with s3.NewFromConfig on every invocation`
	inventory.Keep(s3.NewFromConfig(cfg)) // ok: Keep stores it in a package-level variable
	return inventory.Close()              // want `closing the package-level inventory.db in handler code breaks every later invocation on this environment \(via inventory.Close\)`
}

func init() {
	var err error
	stock, err = inventory.Open() // ok: INIT code
	if err != nil {
		panic(err)
	}
}

func main() {
	lambda.Start(handle)
}
