// Package gcf is a Google Cloud Function that calls an API.
package gcf

import (
	"net/http"

	"github.com/GoogleCloudPlatform/functions-framework-go/functions"
)

func init() {
	functions.HTTP("Forward", forward)
}

func forward(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Post("https://backend.example.invalid/", "application/json", r.Body) // want `http.Post has no context`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}
