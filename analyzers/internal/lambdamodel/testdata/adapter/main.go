// Package main serves a router through the aws-lambda-go-api-proxy
// adapters: every route handler is a handler.
package main

import (
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	chiadapter "github.com/awslabs/aws-lambda-go-api-proxy/chi"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"
	"github.com/go-chi/chi/v5"
)

func orders(w http.ResponseWriter, r *http.Request) {} // want "handler code: orders"

type health struct{}

func (health) ServeHTTP(w http.ResponseWriter, r *http.Request) {} // want "handler code: health.ServeHTTP"

func items(w http.ResponseWriter, r *http.Request) {} // want "handler code: items"

func main() { // want "init code: main"
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", orders) // want "handler route orders"
	mux.Handle("/health", health{})   // want "handler route health.ServeHTTP"

	r := chi.NewRouter()
	r.Get("/items", items)                                          // want "handler route items"
	r.Post("/items", func(w http.ResponseWriter, r *http.Request) { // want "handler route main.func1" "handler code: main.func1"
	})

	if len("x") > 1 {
		lambda.Start(chiadapter.New(r).ProxyWithContext)
	}
	lambda.Start(httpadapter.New(mux).ProxyWithContext)
}
