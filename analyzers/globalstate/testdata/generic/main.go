// Package main caches request data in a generic package-level cache.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type store[K comparable, V any] struct{ m map[K]V }

func (s *store[K, V]) set(k K, v V) { s.m[k] = v }

var sessions = &store[string, string]{m: map[string]string{}}

type login struct{ User, Token string }

func handler(ctx context.Context, l login) error {
	sessions.set(l.User, l.Token) // want `request data stored in package-level var sessions`
	return nil
}

func main() {
	lambda.Start(handler)
}
