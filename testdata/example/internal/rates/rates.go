// Package rates looks up currency exchange rates from an HTTP service that
// returns JSON of the form {"base":"USD","quote":"EUR","rate":0.92}.
package rates

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// DefaultBaseURL is the rate service that Fetch calls.
const DefaultBaseURL = "https://rates.example.com/v1/latest"

// Fetch returns how many units of quoteCurrency one unit of base buys.
// Fetch predates Client and sets no deadline, so new code should use Client.Rate.
func Fetch(base, quoteCurrency string) (float64, error) {
	resp, err := http.Get(rateURL(DefaultBaseURL, base, quoteCurrency)) // reported at the handler's call of Fetch
	if err != nil {
		return 0, fmt.Errorf("fetch rate %s/%s: %w", base, quoteCurrency, err)
	}
	defer resp.Body.Close()
	return decode(resp, base, quoteCurrency)
}

// Client fetches rates with a bounded HTTP client.
type Client struct {
	baseURL string
	http    *http.Client
}

// NewClient returns a Client for the rate service at baseURL.
func NewClient(baseURL string) *Client {
	return &Client{
		baseURL: baseURL,
		http:    &http.Client{Timeout: 5 * time.Second}, // ok: every request has a deadline even without one on ctx
	}
}

// Rate returns how many units of quoteCurrency one unit of base buys. The request
// ends when ctx is done or after the client's 5 s timeout, whichever is first.
func (c *Client) Rate(ctx context.Context, base, quoteCurrency string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rateURL(c.baseURL, base, quoteCurrency), nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("fetch rate %s/%s: %w", base, quoteCurrency, err)
	}
	defer resp.Body.Close()
	return decode(resp, base, quoteCurrency)
}

func rateURL(baseURL, base, quoteCurrency string) string {
	query := url.Values{"base": {base}, "quote": {quoteCurrency}}
	return baseURL + "?" + query.Encode()
}

func decode(resp *http.Response, base, quoteCurrency string) (float64, error) {
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("fetch rate %s/%s: unexpected status %s", base, quoteCurrency, resp.Status)
	}
	var q struct {
		Rate float64 `json:"rate"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return 0, fmt.Errorf("decode rate %s/%s: %w", base, quoteCurrency, err)
	}
	if q.Rate <= 0 {
		return 0, fmt.Errorf("invalid rate %v for %s/%s", q.Rate, base, quoteCurrency)
	}
	return q.Rate, nil
}
