// Package main starts background work during INIT and in a handler
// factory. None of it is reported: it is not left over by an
// invocation.
package main

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

var ticks = time.NewTicker(time.Minute) // ok: INIT

func init() {
	go func() { // ok: started in init
		for range ticks.C {
			log.Print("tick")
		}
	}()
}

type deps struct{ name string }

// newHandler runs a local server for the handler and returns the
// handler.
func newHandler(d deps) func(context.Context) error {
	go func() { // ok: started by the factory, during INIT
		log.Print(http.ListenAndServe("127.0.0.1:8081", nil))
	}()
	return func(ctx context.Context) error {
		log.Print(d.name)
		return nil
	}
}

func main() {
	go http.ListenAndServe("127.0.0.1:8080", nil)             // ok: main before lambda.Start
	time.AfterFunc(time.Hour, func() { log.Print("hourly") }) // ok: main
	lambda.Start(newHandler(deps{name: "x"}))
}
