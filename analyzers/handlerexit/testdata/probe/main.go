// Package main is a health probe moved from a cron job onto a
// scheduled Lambda function. It still ends on errors the way a command
// line tool does.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

var client = &http.Client{Timeout: 5 * time.Second}

type unhealthyError struct{ url string }

func (e *unhealthyError) Error() string { return "unhealthy: " + e.url }

// fatal only builds an error, whatever its name suggests.
func fatal(format string, args ...any) error {
	return fmt.Errorf("fatal: "+format, args...)
}

func check(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		log.Fatalf("invalid url %q: %v", url, err) // want `^log.Fatalf in handler code exits the process, so the invocation fails with Runtime.ExitError and the next one pays a cold start$`
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return &unhealthyError{url: url}
	}
	return nil
}

func handler(ctx context.Context) error {
	for _, url := range []string{os.Getenv("PRIMARY_URL"), os.Getenv("BACKUP_URL")} {
		if err := check(ctx, url); err != nil {
			var ue *unhealthyError
			if errors.As(err, &ue) {
				log.Printf("degraded: %v", err)
				os.Exit(2) // want `^os.Exit in handler code exits the process`
			}
			return fatal("check %s: %v", url, err) // ok: fatal returns an error
		}
	}
	return nil
}

func main() {
	if os.Getenv("PRIMARY_URL") == "" {
		log.Fatal("PRIMARY_URL is not set") // ok: INIT code, which fails INIT
	}
	lambda.Start(handler)
}
