// Package algnhsa replaces github.com/akrylysov/algnhsa in the tests,
// because the module proxy they use does not serve it. It declares only
// the function the model recognises, with the real signature.
package algnhsa

import "net/http"

// Options configures the adapter.
type Options struct{}

// ListenAndServe starts the Lambda runtime loop and serves handler.
func ListenAndServe(handler http.Handler, opts *Options) {}
