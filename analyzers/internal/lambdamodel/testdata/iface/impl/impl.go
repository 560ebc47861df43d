// Package impl implements the store of package main elsewhere.
package impl

import "context"

// Dynamo stores keys in a table.
type Dynamo struct{}

// Put stores a key.
func (Dynamo) Put(ctx context.Context, key string) error { return nil }
