// Package audit records events, sometimes in the background.
package audit

import (
	"context"
	"log"
	"sync"
)

// Record writes the event in a goroutine that no function waits for.
func Record(ctx context.Context, event string) { // want Record:`frozenwork\(goroutine started in handler code is not joined .* \(via audit.write\)\)`
	write(ctx, event)
}

func write(ctx context.Context, event string) {
	go flush(ctx, event)
}

func flush(_ context.Context, event string) { log.Print(event) }

// RecordAll writes the events on the caller's WaitGroup.
func RecordAll(ctx context.Context, wg *sync.WaitGroup, events []string) {
	for _, e := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			flush(ctx, e)
		}()
	}
}

// RecordSync writes the event and waits.
func RecordSync(ctx context.Context, event string) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		flush(ctx, event)
	}()
	<-done
}
