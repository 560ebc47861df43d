// Package main uses an in-house client that the catalogue does not know,
// and a warm-up that its team accepts.
package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

type vault struct{}

// Read reads a secret from the in-house vault.
func (*vault) Read(path string) string { return path }

func warmUp() {
	resp, err := http.Get("https://warm.example.invalid/")
	if err == nil {
		resp.Body.Close()
	}
}

// prime calls the accepted warm-up further down.
func prime() { warmUp() }

var v = &vault{}

var secret = v.Read("db/password") // want `network call \(\*vault\).Read runs during INIT`

func handler(ctx context.Context) error { return nil }

func main() {
	warmUp()                                   // ok: accepted with -initwork.allow
	prime()                                    // ok: reaches the network only through the accepted warm-up
	http.Head("https://ping.example.invalid/") // ok: accepted with -initwork.allow
	lambda.Start(handler)
}
