// Package main writes request data into package-level state in every
// form globalstate recognises.
package main

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

type settings struct {
	Owner string
	Tags  []string
}

type cache struct {
	mu    sync.Mutex
	items map[string]string
}

// put stores a value under a key in the cache.
func (c *cache) put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

type keeper interface{ keep(v string) }

type memory struct{ last string }

func (m *memory) keep(v string) { m.last = v }

type order struct {
	ID    string `json:"id"`
	Total int    `json:"total"`
}

type ctxKey struct{}

var (
	total     int
	current   settings
	recent    = make([]string, 8)
	byID      = map[string]order{}
	shared    = &cache{items: map[string]string{}}
	seen      sync.Map
	lastOrder atomic.Value
	once      sync.Once
	first     string
	mu        sync.Mutex
	guarded   string
	requestID string
	tenant    string
	decoded   order
	kept      keeper = &memory{}
)

func handler(ctx context.Context, e events.SQSEvent) error {
	for _, m := range e.Records {
		var o order
		if err := json.Unmarshal([]byte(m.Body), &o); err != nil {
			return err
		}
		total += o.Total                 // want `request data stored in package-level var total`
		current.Owner = m.MessageId      // want `request data stored in package-level var current`
		recent[0] = m.Body               // want `request data stored in package-level var recent`
		byID[o.ID] = order{}             // want `request data stored in package-level map byID`
		shared.put(m.MessageId, "seen")  // want `request data stored in package-level var shared .* \(via \(\*cache\).put\)`
		seen.Store(m.MessageId, true)    // want `request data stored in package-level var seen`
		lastOrder.Store(o)               // want `request data stored in package-level var lastOrder`
		decoded = o                      // want `request data stored in package-level var decoded`
		once.Do(func() { first = o.ID }) // want `request data stored in package-level var first by a sync.Once body \(the first caller.s data then serves every later invocation\)`
		kept.keep(m.Body)                // want `request data stored in package-level var kept`
		mu.Lock()
		guarded = m.Body // want `request data stored in package-level var guarded`
		mu.Unlock()
	}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		requestID = lc.AwsRequestID // want `request data stored in package-level var requestID`
	}
	if t, ok := ctx.Value(ctxKey{}).(string); ok {
		tenant = t // want `request data stored in package-level var tenant`
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
