// Package remote downloads settings.
package remote

import (
	"io"
	"net/http"
)

// Download returns the document at url.
func Download(url string) ([]byte, error) { // want Download:`initwork\(network call http.Get`
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
