// Package router registers HTTP routes for another package to serve.
package router

import "net/http"

// New returns the router.
func New() *http.ServeMux { // want New:`notimeout\(served: http.Get has no context.* \(via router.New.func1\)\)`
	mux := http.NewServeMux()
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("https://c.example.invalid/")
		if err == nil {
			resp.Body.Close()
		}
	})
	return mux
}
