// Package main keeps keyed caches in package-level maps: each looks up
// its key before it fills it, so an entry is meant to serve every later
// invocation with the same key. They are not reported. A map that is
// only written is.
package main

import (
	"context"
	"reflect"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// lastSeen records when each account was last seen.
var lastSeen = map[string]time.Time{}

// seenRecently reports whether the account was seen in the last hour.
func seenRecently(account string) bool {
	if t, ok := lastSeen[account]; ok {
		return time.Since(t) < time.Hour
	}
	return false
}

// router finds the method for a route and keeps it.
type router struct {
	api    reflect.Value
	byName map[string]reflect.Value
}

func (r *router) handle(route string) reflect.Value {
	m, ok := r.byName[route]
	if !ok {
		m = r.api.MethodByName(route)
		r.byName[route] = m // ok: a cache that handle looks up first
	}
	return m
}

var routes = &router{byName: map[string]reflect.Value{}}

// senders is written and never looked up.
var senders = map[string]string{}

func handler(ctx context.Context, event events.SQSEvent) error {
	for _, msg := range event.Records {
		account := msg.EventSourceARN
		if !seenRecently(account) {
			lastSeen[account] = time.Now() // ok: a keyed cache that seenRecently looks up
		}
		routes.handle(msg.Body)
		senders[msg.MessageId] = msg.Body // want `request data stored in package-level map senders`
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
