// Package inventory builds clients for its callers; it registers no
// handler, so nothing is reported here.
package inventory

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	db     *sql.DB
	shared *s3.Client
)

// Store wraps the client that NewStore builds.
type Store struct{ objects *s3.Client }

// Open opens a pool and leaves keeping it to the caller.
func Open() (*sql.DB, error) { // want Open:`returns sql.Open`
	return sql.Open("mysql", os.Getenv("DSN"))
}

// Count opens a pool for one query.
func Count(ctx context.Context) (int, error) { // want Count:`sql.Open builds a connection pool on every invocation`
	d, err := sql.Open("mysql", os.Getenv("DSN"))
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var n int
	return n, d.QueryRowContext(ctx, "SELECT COUNT(*) FROM items").Scan(&n)
}

// NewStore builds a store with its own client.
func NewStore(cfg aws.Config) *Store { // want NewStore:`returns s3.NewFromConfig; returns param 0`
	return &Store{objects: s3.NewFromConfig(cfg)}
}

// Keep keeps the client for later calls.
func Keep(c *s3.Client) { shared = c } // want Keep:`keeps param 0`

// Close closes the package's pool.
func Close() error { return db.Close() } // want Close:`closing the package-level inventory.db`
