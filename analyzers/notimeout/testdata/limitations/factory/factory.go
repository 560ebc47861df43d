// Package factory builds handlers for other packages.
package factory

import (
	"context"
	"net/http"
)

// New returns a handler that fetches a URL.
func New(url string) func(context.Context) error {
	return func(ctx context.Context) error {
		// Missed: the handler is returned by a function of another
		// package, so the package that registers it does not see it.
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}
