// Package main serves HTTP routes through lambdaurl.
package main

import (
	"log"
	"net/http"

	"github.com/aws/aws-lambda-go/lambdaurl"
)

func track(r *http.Request) { log.Print(r.URL.Path) }

func page(w http.ResponseWriter, r *http.Request) {
	go track(r) // want `goroutine started in handler code is not joined`
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", page)
	lambdaurl.Start(mux)
}
