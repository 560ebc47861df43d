// Package factory builds handlers for other packages.
package factory

import (
	"context"
	"net/http"
)

// New returns a handler that fetches a URL.
func New(url string) func(context.Context) error { // want New:`notimeout\(served: http.Get has no context.* \(via factory.New.func1\)\)`
	return func(ctx context.Context) error {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}
