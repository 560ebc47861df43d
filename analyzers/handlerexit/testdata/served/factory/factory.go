// Package factory builds handlers for other packages.
package factory

import (
	"context"
	"os"
)

// New returns a handler that ends the process on an empty event.
func New() func(context.Context, string) error { // want New:`handlerexit\(served: os.Exit in handler code .* \(via factory.New.func1\)\)`
	return func(ctx context.Context, name string) error {
		if name == "" {
			os.Exit(1)
		}
		return nil
	}
}
