// Package rates looks up exchange rates.
package rates

import (
	"context"
	"net/http"

	"example.test/notimeout/chain/rates/transport"
)

// Latest returns the latest rate of a currency.
func Latest(currency string) (float64, error) { // want Latest:`notimeout\(http.Get has no context.* \(via transport.Fetch\)\)`
	resp, err := transport.Fetch("https://rates.example.invalid/" + currency)
	if err != nil {
		return 0, err
	}
	return 1, resp.Body.Close()
}

// Historic returns an old rate, with the caller's context.
func Historic(ctx context.Context, currency string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://rates.example.invalid/old/"+currency, nil)
	if err != nil {
		return 0, err
	}
	resp, err := transport.FetchWith(http.DefaultClient, req)
	if err != nil {
		return 0, err
	}
	return 1, resp.Body.Close()
}

// Detached looks a rate up with a context of its own.
func Detached(currency string) (float64, error) { // want Detached:`notimeout\(context.Background\(\) drops`
	return Historic(context.Background(), currency)
}
