// Package transport sends the HTTP requests of package rates.
package transport

import "net/http"

// Fetch gets a URL with the default client.
func Fetch(url string) (*http.Response, error) { // want Fetch:`notimeout\(http.Get has no context`
	return http.Get(url)
}

// FetchWith gets a URL with a client the caller provides.
func FetchWith(c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req)
}
