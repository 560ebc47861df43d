// Package algnhsa stands in for github.com/akrylysov/algnhsa, which the
// module proxy used by the tests does not serve. It declares only the
// function the model recognises, with the real signature.
package algnhsa

import "net/http"

// Options configures the adapter.
type Options struct{}

// ListenAndServe starts the Lambda runtime loop and serves handler.
func ListenAndServe(handler http.Handler, opts *Options) {}
