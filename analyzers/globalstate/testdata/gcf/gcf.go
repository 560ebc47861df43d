// Package gcf is a Google Cloud Function that remembers its caller.
package gcf

import (
	"net/http"

	"github.com/GoogleCloudPlatform/functions-framework-go/functions"
)

var lastAgent string

func init() {
	functions.HTTP("Hello", hello)
}

func hello(w http.ResponseWriter, r *http.Request) {
	lastAgent = r.Header.Get("User-Agent") // want `request data stored in package-level var lastAgent`
}
