// Package main is an ordinary web server: its handlers are not function
// handlers and its main has no INIT phase.
package main

import "net/http"

func hello(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("/", hello)
	_ = http.ListenAndServe(":8080", nil)
}
