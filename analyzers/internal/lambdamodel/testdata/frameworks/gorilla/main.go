// Package main serves a gorilla/mux router through the adapter.
package main

import (
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/gorillamux"
	"github.com/gorilla/mux"
)

func list(w http.ResponseWriter, r *http.Request) {} // want "handler code: list"

func main() { // want "init code: main"
	r := mux.NewRouter()
	r.HandleFunc("/items", list).Methods(http.MethodGet) // want "handler route list"
	lambda.Start(gorillamux.New(r).ProxyWithContext)
}
