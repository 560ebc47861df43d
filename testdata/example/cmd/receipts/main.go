// Command receipts handles S3 notifications for receipt files uploaded to the
// receipts bucket. For each object it converts the amount to USD, stores a gzip
// copy under archive/ and notifies the accounting webhook. The bucket's
// notification is filtered to the incoming/ prefix, so the archive copies do
// not trigger this function again.
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/orders/internal/rates"
)

// receipt is the JSON document a point-of-sale system uploads.
type receipt struct {
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

// accountingEntry is the payload sent to the accounting webhook.
type accountingEntry struct {
	receipt
	AmountUSDCents int64  `json:"amount_usd_cents"`
	SourceKey      string `json:"source_key"`
}

// processor handles S3 events. Its clients are created once in main and reused
// by every invocation in the execution environment.
type processor struct {
	s3         *s3.Client
	rates      *rates.Client
	webhookURL string
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background()) // ok: runs once per execution environment, before lambda.Start
	if err != nil {
		slog.Error("load AWS config failed", "error", err)
		os.Exit(1)
	}
	p := &processor{
		s3:         s3.NewFromConfig(cfg), // ok: one client, reused by every invocation
		rates:      rates.NewClient(cmp.Or(os.Getenv("RATES_URL"), rates.DefaultBaseURL)),
		webhookURL: os.Getenv("ACCOUNTING_WEBHOOK_URL"),
	}
	lambda.Start(p.handle)
}

// handle processes the records in order and stops at the first error, so
// Lambda retries the whole event. A retry overwrites the archive copies and
// calls the webhook again for records that had already succeeded.
func (p *processor) handle(ctx context.Context, event events.S3Event) error {
	for _, record := range event.Records {
		bucket, key := record.S3.Bucket.Name, record.S3.Object.URLDecodedKey
		if err := p.processObject(ctx, bucket, key); err != nil {
			return fmt.Errorf("process s3://%s/%s: %w", bucket, key, err)
		}
		slog.Info("processed receipt", "bucket", bucket, "key", key)
	}
	return nil
}

func (p *processor) processObject(ctx context.Context, bucket, key string) error {
	getCtx, cancel := context.WithTimeout(ctx, 10*time.Second) // ok: derived from the handler ctx
	defer cancel()
	obj, err := p.s3.GetObject(getCtx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return fmt.Errorf("get object: %w", err)
	}
	defer obj.Body.Close()

	// Spool the object to disk so large receipts are not held in memory.
	spool, err := os.Create("/tmp/" + filepath.Base(key)) // lambdalint: tmpleak
	if err != nil {
		return err
	}
	defer spool.Close()
	if _, err := io.Copy(spool, obj.Body); err != nil {
		return fmt.Errorf("download object: %w", err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return err
	}

	var r receipt
	if err := json.NewDecoder(spool).Decode(&r); err != nil {
		return fmt.Errorf("decode receipt: %w", err)
	}
	rate := 1.0
	if r.Currency != "USD" {
		if rate, err = p.rates.Rate(ctx, r.Currency, "USD"); err != nil {
			return err
		}
	}

	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err := p.archive(ctx, bucket, key, spool); err != nil {
		return err
	}
	return p.notifyAccounting(accountingEntry{
		receipt:        r,
		AmountUSDCents: int64(math.Round(float64(r.AmountCents) * rate)),
		SourceKey:      key,
	})
}

// archive uploads a gzip copy of src to archive/ in bucket, under the base name
// of key with a .gz suffix.
func (p *processor) archive(ctx context.Context, bucket, key string, src io.Reader) error {
	dir, err := os.MkdirTemp("", "receipt-archive-") // ok: private to this invocation
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir) // ok: removed before the invocation returns

	compressed, err := os.Create(filepath.Join(dir, "receipt.json.gz"))
	if err != nil {
		return err
	}
	defer compressed.Close()

	zw := gzip.NewWriter(compressed)
	if _, err := io.Copy(zw, src); err != nil {
		return fmt.Errorf("compress receipt: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress receipt: %w", err)
	}
	if _, err := compressed.Seek(0, io.SeekStart); err != nil {
		return err
	}

	putCtx, cancel := context.WithTimeout(ctx, 10*time.Second) // ok: derived from the handler ctx
	defer cancel()
	archiveKey := path.Join("archive", path.Base(key)+".gz")
	_, err = p.s3.PutObject(putCtx, &s3.PutObjectInput{
		Bucket:          aws.String(bucket),
		Key:             aws.String(archiveKey),
		Body:            compressed,
		ContentType:     aws.String("application/json"),
		ContentEncoding: aws.String("gzip"),
	})
	if err != nil {
		return fmt.Errorf("put s3://%s/%s: %w", bucket, archiveKey, err)
	}
	return nil
}

// notifyAccounting posts entry as JSON to the accounting webhook.
func (p *processor) notifyAccounting(entry accountingEntry) error {
	body, err := json.Marshal(entry)
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, p.webhookURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build webhook request for order %s: %w", entry.OrderID, err)
	}
	req.Header.Set("Content-Type", "application/json")

	resp, err := http.DefaultClient.Do(req) // lambdalint: notimeout
	if err != nil {
		return fmt.Errorf("notify accounting for order %s: %w", entry.OrderID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify accounting for order %s: unexpected status %s", entry.OrderID, resp.Status)
	}
	return nil
}
