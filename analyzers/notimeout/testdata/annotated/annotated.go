// Package annotated is served by an in-house framework, so its entry
// point is marked for lambdalint.
package annotated

import (
	"context"
	"database/sql"
)

// DB is the shared pool.
var DB *sql.DB

// Handle serves one request.
//
//lambdalint:handler
func Handle(ctx context.Context, id string) error { // want Handle:`notimeout\(\(\*sql.DB\).Exec`
	_, err := DB.Exec("DELETE FROM sessions WHERE id = $1", id) // want `\(\*sql.DB\).Exec takes no context`
	return err
}

// Cleanup is not a handler and no handler reaches it.
func Cleanup() error { // want Cleanup:`notimeout\(\(\*sql.DB\).Exec`
	_, err := DB.Exec("DELETE FROM sessions") // ok: not handler code
	return err
}
