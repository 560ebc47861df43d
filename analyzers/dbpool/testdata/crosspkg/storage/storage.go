// Package storage opens pools for its callers.
package storage

import (
	"database/sql"
	"os"
)

// Open opens a pool and leaves its limit to the caller.
func Open() (*sql.DB, error) { // want Open:`returns an uncapped sql.Open pool`
	return sql.Open("mysql", os.Getenv("DSN"))
}

// OpenLimited opens a pool with a limit.
func OpenLimited() (*sql.DB, error) {
	db, err := sql.Open("mysql", os.Getenv("DSN")) // ok: limited here
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	return db, nil
}

// Limit sets the limit of the pool it is given.
func Limit(db *sql.DB) { // want Limit:`caps param 0`
	db.SetMaxOpenConns(2)
}
