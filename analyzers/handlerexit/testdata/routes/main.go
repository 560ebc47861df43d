// Package main serves HTTP routes through a Lambda function URL.
package main

import (
	"log"
	"net/http"

	"github.com/aws/aws-lambda-go/lambdaurl"
)

func orders(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		log.Fatal("missing id") // want `^log.Fatal in handler code exits the process`
	}
	w.Write([]byte(id))
}

func health(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "ok", http.StatusOK) // ok: the error goes to the client
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", orders)
	mux.HandleFunc("/health", health)
	lambdaurl.Start(mux)
}
