// Package main registers a lambda.Handler value and a func literal.
// Their WaitGroups belong to the handler, and the Lambda runtime never
// waits on them.
package main

import (
	"context"
	"log"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type service struct {
	wg sync.WaitGroup
}

func (s *service) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	s.wg.Add(1)
	go func() { // want `goroutine started in handler code is not joined`
		defer s.wg.Done()
		log.Print(len(payload))
	}()
	return payload, nil
}

type state struct {
	wg   sync.WaitGroup
	seen int
}

func (s *state) count() {
	defer s.wg.Done()
	s.seen++
}

func countBoth() error {
	st := &state{}
	st.wg.Add(1)
	go st.count() // ok: waited for on st.wg
	st.wg.Wait()

	forgotten := &state{}
	forgotten.wg.Add(1)
	go forgotten.count() // want `goroutine started in handler code is not joined`
	return nil
}

func main() {
	var pending sync.WaitGroup
	lambda.Start(func(ctx context.Context) error {
		pending.Add(1)
		go func() { // want `goroutine started in handler code is not joined`
			defer pending.Done()
			log.Print("tail")
		}()

		return countBoth()
	})
	lambda.StartHandler(&service{})
}
