// Package annotated marks a handler for a framework that the model does
// not know.
package annotated

import (
	"context"
	"os"
)

// Handle is registered by a framework that the program itself provides.
//
//lambdalint:handler
func Handle(ctx context.Context, body []byte) ([]byte, error) { // want Handle:`handlerexit\(os.Exit in handler code`
	if len(body) == 0 {
		os.Exit(1) // want `^os.Exit in handler code exits the process`
	}
	return body, nil
}

// Encode is not a handler, and nothing marks it as one.
func Encode(body []byte) []byte { // want Encode:`handlerexit\(os.Exit in handler code`
	if body == nil {
		os.Exit(1) // ok: not reachable from a handler of this package
	}
	return body
}
