// Package annotated is served by an in-house framework that the model
// does not know, so its entry point carries the annotation.
package annotated

import "context"

// Serve handles one request.
//
//lambdalint:handler
func Serve(ctx context.Context, body []byte) error { // want "handler //lambdalint:handler Serve" "handler code: Serve"
	return parse(body)
}

func parse(b []byte) error { return nil } // want "handler code: parse"

// NotAHandler is only mentioned in a comment: //lambdalint:handler
func NotAHandler() {}
