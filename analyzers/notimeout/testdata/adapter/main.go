// Package main serves a chi router through the API Gateway adapter:
// every route runs inside an invocation.
package main

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	chiadapter "github.com/awslabs/aws-lambda-go-api-proxy/chi"
	"github.com/go-chi/chi/v5"
)

func lookup(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://users.example.invalid/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func getUser(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second) // ok: derived from the request's context
	defer cancel()
	if err := lookup(ctx, chi.URLParam(r, "id")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func deleteUser(w http.ResponseWriter, r *http.Request) {
	if err := lookup(context.Background(), chi.URLParam(r, "id")); err != nil { // want `context.Background\(\) drops the handler's deadline`
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func main() {
	r := chi.NewRouter()
	r.Get("/users/{id}", getUser)
	r.Delete("/users/{id}", deleteUser)
	lambda.Start(chiadapter.New(r).ProxyWithContext)
}
