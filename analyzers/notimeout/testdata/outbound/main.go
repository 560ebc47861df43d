// Package outbound calls HTTP APIs from a handler with and without a
// deadline.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

const (
	quoteURL  = "https://quotes.example.invalid/latest?sym="
	notifyURL = "https://notify.example.invalid/hook"
	healthURL = "https://health.example.invalid/"
	userURL   = "https://users.example.invalid/"
)

// plain has no Timeout, so it waits forever.
var plain = &http.Client{}

// limited gives up after two seconds.
var limited = &http.Client{Timeout: 2 * time.Second}

// zero spells out a zero Timeout.
var zero = &http.Client{Timeout: 0}

type order struct {
	ID     string `json:"id"`
	Symbol string `json:"symbol"`
	User   string `json:"user"`
}

func quote(sym string) (*http.Response, error) {
	return http.Get(quoteURL + sym) // want `http.Get has no context and http.DefaultClient no timeout, so a stalled server can keep the invocation waiting until it times out`
}

func announce(o order) error {
	body, _ := json.Marshal(o)
	req, err := http.NewRequest(http.MethodPost, notifyURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := plain.Do(req) // want `\(\*http.Client\).Do sends a request built by http.NewRequest without the handler's context`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func healthy() bool {
	resp, err := limited.Get(healthURL) // ok: the client has a Timeout
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func ping() error {
	resp, err := zero.Head(healthURL) // want `\(\*http.Client\).Head sends a request without the handler's context on a client with no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func user(ctx context.Context, id string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, userURL+id, nil)
	if err != nil {
		return "", err
	}
	req = req.WithContext(ctx)
	resp, err := http.DefaultClient.Do(req) // ok: the request carries the handler's ctx
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func form(ctx context.Context) error {
	resp, err := http.DefaultClient.PostForm(notifyURL, nil) // want `\(\*http.Client\).PostForm sends a request without the handler's context`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func handler(ctx context.Context, o order) (string, error) {
	if !healthy() {
		return "", fmt.Errorf("upstream unavailable")
	}
	if _, err := quote(o.Symbol); err != nil {
		return "", err
	}
	st, err := user(ctx, o.User)
	if err != nil {
		return "", err
	}
	if err := announce(o); err != nil {
		return "", err
	}
	_ = ping()
	_ = form(ctx)
	return st, nil
}

func main() {
	resp, err := http.Get(healthURL) // ok: INIT code, not a handler
	if err == nil {
		resp.Body.Close()
	}
	lambda.Start(handler)
}
