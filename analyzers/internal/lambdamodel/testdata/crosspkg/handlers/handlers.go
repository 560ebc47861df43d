// Package handlers holds handlers that package main registers.
package handlers

import "context"

// Handler handles events.
type Handler struct{}

// New returns a Handler.
func New() *Handler { return &Handler{} }

// Handle handles one event.
func (h *Handler) Handle(ctx context.Context) error { return nil }

// Plain handles one event.
func Plain(ctx context.Context) error { return nil }
