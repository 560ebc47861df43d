// Package gateway calls another function. Its mock lives in a regular
// file, next to the client, as some projects keep it.
package gateway

import "github.com/stretchr/testify/mock"

// Invoker sends a request to another function.
type Invoker interface {
	Invoke(input any) error
}

// Client is the real Invoker.
type Client struct{ Name string }

func (c *Client) Invoke(input any) error { return nil }

// MockInvoker is the test double of Invoker: Called records its
// arguments in the mock itself.
type MockInvoker struct{ mock.Mock }

func (m *MockInvoker) Invoke(input any) error { // want Invoke:`globalstate\(stores into an argument\)`
	return m.Called(input).Error(0)
}
