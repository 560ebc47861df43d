// Package main serves chi routes through the API Gateway adapter.
package main

import (
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	chiadapter "github.com/awslabs/aws-lambda-go-api-proxy/chi"
	"github.com/go-chi/chi/v5"
)

var lastPath string

func show(w http.ResponseWriter, r *http.Request) {
	lastPath = r.URL.Path // want `request data stored in package-level var lastPath`
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	r := chi.NewRouter()
	r.Get("/items/{id}", show)
	lambda.Start(chiadapter.New(r).ProxyWithContext)
}
