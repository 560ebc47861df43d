// Package main registers a handler with lambda.Start and does work
// during INIT in every form the model recognises.
package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

var table = load() // the initializer runs during INIT

func load() string { // want "init code: load"
	return "orders"
}

// lazy is only stored during INIT; its literal runs on first use.
var lazy = sync.OnceValues(func() (string, error) { // want "handler code: init.func1"
	return fetch(), nil
})

func fetch() string { // want "handler code: fetch"
	return "key"
}

func init() { // want "init code: init"
	prepare()
	go background() // a goroutine does not block INIT
}

func prepare() {} // want "init code: prepare"

func background() {}

func setup() {} // want "init code: setup"

func afterStart() {}

func handler(ctx context.Context, in string) (string, error) { // want "handler code: handler"
	key, _ := lazy()
	return helper(in) + key, nil
}

func helper(s string) string { // want "handler code: helper"
	return s
}

func main() { // want "init code: main"
	setup()
	lambda.Start(handler) // want "handler lambda.Start handler"
	afterStart()
}
