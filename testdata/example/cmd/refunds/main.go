// Command refunds handles refund requests from an SQS queue. For each
// message it checks that the order's receipt is in the receipts bucket and
// records the refund in the ledger database. It reports the messages that
// failed, so that SQS retries only those.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"os"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	_ "github.com/go-sql-driver/mysql"
)

var (
	awsConfig aws.Config
	ledger    *sql.DB
)

// refund is the body of one SQS message.
type refund struct {
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
	ReceiptKey  string `json:"receipt_key"`
}

func main() {
	var err error
	awsConfig, err = config.LoadDefaultConfig(context.Background()) // ok: runs once per execution environment, before lambda.Start
	if err != nil {
		log.Fatalf("load AWS config: %v", err) // ok: fails INIT, which Lambda reports as an init error
	}
	ledger, err = sql.Open("mysql", os.Getenv("LEDGER_DSN")) // lambdalint: dbpool
	if err != nil {
		log.Fatalf("open ledger: %v", err) // ok: fails INIT
	}
	lambda.Start(handle) // lambdalint: handlersig
}

// handle processes the messages of a batch in parallel.
func handle(ctx context.Context, event events.SQSEvent) events.SQSEventResponse {
	errs := make([]error, len(event.Records))
	var wg sync.WaitGroup
	for i, msg := range event.Records {
		wg.Go(func() { errs[i] = process(ctx, msg) }) // ok: joined by wg.Wait below
	}
	wg.Wait()

	var resp events.SQSEventResponse
	for i, err := range errs {
		if err != nil {
			slog.Error("refund failed", "message_id", event.Records[i].MessageId, "error", err)
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: event.Records[i].MessageId})
		}
	}
	go recordBatch(ctx, len(event.Records), len(resp.BatchItemFailures)) // lambdalint: frozenwork
	return resp
}

func process(ctx context.Context, msg events.SQSMessage) error {
	var r refund
	if err := json.Unmarshal([]byte(msg.Body), &r); err != nil {
		log.Fatalf("malformed refund message %s: %v", msg.MessageId, err) // lambdalint: handlerexit
	}
	receipts := s3.NewFromConfig(awsConfig) // lambdalint: clientreuse
	_, err := receipts.HeadObject(ctx, &s3.HeadObjectInput{
		Bucket: aws.String(os.Getenv("RECEIPTS_BUCKET")),
		Key:    aws.String(r.ReceiptKey),
	})
	if err != nil {
		return fmt.Errorf("receipt of order %s: %w", r.OrderID, err)
	}
	_, err = ledger.ExecContext(ctx, "INSERT INTO refunds (order_id, amount_cents) VALUES (?, ?)", r.OrderID, r.AmountCents)
	return err
}

// recordBatch adds a row to the batch statistics.
func recordBatch(ctx context.Context, total, failed int) {
	if _, err := ledger.ExecContext(ctx, "INSERT INTO refund_batches (total, failed) VALUES (?, ?)", total, failed); err != nil {
		slog.Error("record batch failed", "error", err)
	}
}
