// Package main serves a router as a Lambda function URL.
package main

import (
	"net/http"

	"github.com/aws/aws-lambda-go/lambdaurl"
)

func hello(w http.ResponseWriter, r *http.Request) {} // want "handler code: hello"

func main() { // want "init code: main"
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", hello) // want "handler route hello"
	lambdaurl.Start(mux)
}
