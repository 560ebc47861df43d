// Package main fills a template kept in a package-level variable, in
// place: the first caller's name stays in it.
package main

import (
	"context"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

type greetEvent struct {
	Name string `json:"name"`
}

const slot = "{name}"

var welcome = "Hello " + slot + "!"

const goodbye = "Bye " + slot

var coldStart = true

var lastName string

func handler(_ context.Context, ev greetEvent) (string, error) {
	first := coldStart
	coldStart = false // ok: a constant

	welcome = strings.Replace(welcome, slot, ev.Name, 1) // want `request data stored in package-level var welcome`
	lastName = ev.Name                                   // want `request data stored in package-level var lastName`

	bye := strings.Replace(goodbye, slot, ev.Name, 1) // ok: a local
	if first {
		return welcome, nil
	}
	return bye, nil
}

func main() {
	lambda.Start(handler)
}
