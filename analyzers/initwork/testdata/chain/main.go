// Package main loads its settings through two other packages during
// INIT.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/initwork/chain/settings"
)

var conf = settings.MustLoad() // want `network call http.Get runs during INIT .* \(via settings.MustLoad → remote.Download\)`

var empty = settings.Empty() // ok: no network call

func handler(ctx context.Context) (int, error) { return len(conf.Raw) + len(empty.Raw), nil }

func main() {
	lambda.Start(handler)
}
