// Package main imports a package whose initialization resolves names.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/initwork/libinit/warm" // want `network call net.LookupHost runs during INIT .* \(via warm.init\)`
)

func handler(ctx context.Context) (int, error) { return len(warm.Addrs), nil }

func main() {
	lambda.Start(handler)
}
