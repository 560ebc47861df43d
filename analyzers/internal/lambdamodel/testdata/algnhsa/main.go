// Package main serves a router through algnhsa.
package main

import (
	"net/http"

	"github.com/akrylysov/algnhsa"
)

func hello(w http.ResponseWriter, r *http.Request) {} // want "handler code: hello"

func main() { // want "init code: main"
	http.HandleFunc("/hello", hello) // want "handler route hello"
	algnhsa.ListenAndServe(http.DefaultServeMux, nil)
}
