// Package main registers handlers whose event or response types
// encoding/json cannot handle.
package main

import (
	"context"
	"encoding/json"
	"io"
	"net/netip"
	"unsafe"

	"github.com/aws/aws-lambda-go/lambda"
)

// ticker decodes itself from a JSON number.
type ticker chan int

func (t *ticker) UnmarshalJSON(data []byte) error {
	*t = make(ticker, 1)
	return nil
}

// withStream has a field that encoding/json cannot decode, which fails
// only for payloads that contain it.
type withStream struct {
	Name   string
	Stream chan []byte
}

type point struct{ X, Y int }

// pipe is a chan with a Read method: aws-lambda-go sends it as a reader
// when encoding fails.
type pipe chan []byte

func (p pipe) Read(b []byte) (int, error) { return 0, io.EOF }

func chanEvent(ctx context.Context, c chan int) error          { return nil }
func funcEvent(ctx context.Context, f func()) error            { return nil }
func complexEvent(c complex128) error                          { return nil }
func pointerEvent(ctx context.Context, c **chan string) error  { return nil }
func interfaceEvent(ctx context.Context, r io.Reader) error    { return nil }
func errorEvent(ctx context.Context, e error) error            { return nil }
func pointKeys(ctx context.Context, m map[point]int) error     { return nil }
func boolKeys(ctx context.Context, m map[bool]int) error       { return nil }
func unsafeEvent(ctx context.Context, p unsafe.Pointer) error  { return nil }
func chanResponse(ctx context.Context) (chan int, error)       { return nil, nil }
func funcResponse(ctx context.Context) (func() string, error)  { return nil, nil }
func tickerEvent(ctx context.Context, t ticker) error          { return nil }
func structEvent(ctx context.Context, s withStream) error      { return nil }
func addrKeys(ctx context.Context, m map[netip.Addr]int) error { return nil }
func intKeys(ctx context.Context, m map[uint16]string) error   { return nil }
func rawEvent(ctx context.Context, m json.RawMessage) error    { return nil }
func pointerResponse(ctx context.Context) (*chan int, error)   { return nil, nil }
func pipeResponse(ctx context.Context) (pipe, error)           { return nil, nil }
func anyEvent(ctx context.Context, v any) (any, error)         { return v, nil }

func main() {
	lambda.Start(chanEvent)      // want `^lambda.Start handler takes an event of type chan int, which encoding/json cannot decode, so every invocation with a payload other than null fails$`
	lambda.Start(funcEvent)      // want `event of type func\(\), which encoding/json cannot decode`
	lambda.Start(complexEvent)   // want `event of type complex128, which encoding/json cannot decode`
	lambda.Start(pointerEvent)   // want `event of type \*\*chan string, which encoding/json cannot decode`
	lambda.Start(interfaceEvent) // want `event of type io.Reader, which encoding/json cannot decode`
	lambda.Start(errorEvent)     // want `event of type error, which encoding/json cannot decode`
	lambda.Start(pointKeys)      // want `event of type map\[point\]int, which encoding/json cannot decode`
	lambda.Start(boolKeys)       // want `event of type map\[bool\]int, which encoding/json cannot decode`
	lambda.Start(unsafeEvent)    // want `event of type unsafe.Pointer, which encoding/json cannot decode`
	lambda.Start(chanResponse)   // want `^lambda.Start handler returns a value of type chan int, which encoding/json cannot encode, so every invocation fails$`
	lambda.Start(funcResponse)   // want `returns a value of type func\(\) string, which encoding/json cannot encode`

	lambda.Start(tickerEvent)     // ok: ticker has its own UnmarshalJSON
	lambda.Start(structEvent)     // ok: decoding fails only when the payload has a Stream field
	lambda.Start(addrKeys)        // ok: *netip.Addr has UnmarshalText
	lambda.Start(intKeys)         // ok: integer keys are decoded from strings
	lambda.Start(rawEvent)        // ok: json.RawMessage has UnmarshalJSON
	lambda.Start(pointerResponse) // ok: a nil pointer is encoded as null, and only a non-nil one fails
	lambda.Start(pipeResponse)    // ok: a reader is sent as it is
	lambda.Start(anyEvent)        // ok: any takes every JSON value
}
