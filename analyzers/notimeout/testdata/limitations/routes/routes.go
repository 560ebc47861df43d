// Package routes registers HTTP routes for another package to serve.
package routes

import "net/http"

// New returns the router.
func New() *http.ServeMux { // want New:`notimeout\(http.Get has no context.* \(via routes.New.func1\)\)`
	mux := http.NewServeMux()
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		// Missed: no adapter serves this router in this package.
		resp, err := http.Get("https://c.example.invalid/")
		if err == nil {
			resp.Body.Close()
		}
	})
	return mux
}
