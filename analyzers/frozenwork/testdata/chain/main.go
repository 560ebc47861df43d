// Package main reaches goroutines of another package through its
// calls.
package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"

	"example.test/frozenwork/chain/audit"
)

func handler(ctx context.Context, events []string) error {
	audit.Record(ctx, "start") // want `goroutine started in handler code is not joined before the handler returns, .* \(via audit.Record → audit.write\)`

	var wg sync.WaitGroup
	audit.RecordAll(ctx, &wg, events) // ok: the handler waits
	wg.Wait()

	audit.RecordSync(ctx, "end") // ok: joined inside
	return nil
}

func main() {
	lambda.Start(handler)
}
