// Package main is an Azure Functions custom handler: Azure starts it
// and hands over the port to listen on.
package main

import (
	"net/http"
	"os"
)

func hello(w http.ResponseWriter, r *http.Request) {} // want "handler code: hello"

func main() { // want "init code: main"
	port := os.Getenv("FUNCTIONS_CUSTOMHANDLER_PORT")
	http.HandleFunc("/api/hello", hello) // want "handler route hello"
	_ = http.ListenAndServe(":"+port, nil)
}
