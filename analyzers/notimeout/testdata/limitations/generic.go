package main

import (
	"database/sql"
)

// store is implemented for each type of record.
type store[T any] interface {
	Create(v T) error
}

type crud[T any] struct{ st store[T] }

func (c crud[T]) handle(v T) error {
	// Missed: an interface call inside generic code is not resolved to
	// the implementations of its instances.
	return c.st.Create(v)
}

type names struct{ db *sql.DB }

func (n names) Create(v string) error {
	_, err := n.db.Exec("INSERT INTO names VALUES ($1)", v)
	return err
}

func createName(db *sql.DB, v string) error {
	return crud[string]{st: names{db}}.handle(v)
}
