// Package main opens connections and resolves names from a handler.
package main

import (
	"context"
	"crypto/tls"
	"net"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, host string) error {
	conn, err := net.Dial("tcp", host+":443") // want `net.Dial has no context and no timeout, so an unreachable host can keep the invocation waiting until it times out`
	if err != nil {
		return err
	}
	conn.Close()

	tconn, err := tls.Dial("tcp", host+":443", nil) // want `tls.Dial has no context and no timeout`
	if err != nil {
		return err
	}
	tconn.Close()

	if _, err := net.LookupHost(host); err != nil { // want `net.LookupHost has no context, so a slow DNS server can keep the invocation waiting until it times out`
		return err
	}

	if _, err := net.DefaultResolver.LookupHost(ctx, host); err != nil { // ok: the handler's ctx
		return err
	}
	var d net.Dialer
	c2, err := d.DialContext(ctx, "tcp", host+":443") // ok: the handler's ctx
	if err != nil {
		return err
	}
	c2.Close()
	c3, err := net.DialTimeout("tcp", host+":443", time.Second) // ok: bounded by its timeout
	if err != nil {
		return err
	}
	return c3.Close()
}

func main() {
	lambda.Start(handler)
}
