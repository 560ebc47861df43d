// Package handlers holds a handler type that package main registers.
package handlers

import (
	"context"
	"net/http"
)

// Handler checks many upstreams.
type Handler struct{ urls []string }

// New returns a Handler.
func New(urls ...string) *Handler { return &Handler{urls: urls} }

func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Handle checks every upstream, each with its own helper.
func (h *Handler) Handle(ctx context.Context) error { // want Handle:`notimeout\(http.Get has no context`
	_ = a()
	_ = b()
	_ = c()
	_ = d()
	_ = e()
	_ = f()
	_ = g()
	return get(h.urls[0])
}

func a() error { _, err := http.Head("https://a.example.invalid/"); return err }
func b() error { _, err := http.Head("https://b.example.invalid/"); return err }
func c() error { _, err := http.Head("https://c.example.invalid/"); return err }
func d() error { _, err := http.Head("https://d.example.invalid/"); return err }
func e() error { _, err := http.Head("https://e.example.invalid/"); return err }
func f() error { _, err := http.Head("https://f.example.invalid/"); return err }
func g() error { _, err := http.Head("https://g.example.invalid/"); return err }
