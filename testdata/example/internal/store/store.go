// Package store persists orders in DynamoDB and reads invoices from the
// billing database (MySQL).
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Order is one customer order. Amounts are in minor units (cents).
type Order struct {
	ID          string
	CustomerID  string
	AmountCents int64
	Currency    string
	CreatedBy   string
	CreatedAt   time.Time
}

// Invoice is one row of the billing database's invoices table.
type Invoice struct {
	ID          string    `json:"id"`
	AmountCents int64     `json:"amount_cents"`
	Paid        bool      `json:"paid"`
	IssuedAt    time.Time `json:"issued_at"`
}

// Store wraps the orders table and the billing database. Both clients are
// created once per execution environment and shared across invocations.
type Store struct {
	dynamo *dynamodb.Client
	table  string
	db     *sql.DB
}

// New returns a Store that writes orders to table and reads invoices from db.
func New(dynamo *dynamodb.Client, table string, db *sql.DB) *Store {
	return &Store{dynamo: dynamo, table: table, db: db}
}

// PutOrder writes o to the orders table, replacing any order with the same ID.
func (s *Store) PutOrder(ctx context.Context, o Order) error {
	_, err := s.dynamo.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table),
		Item: map[string]types.AttributeValue{
			"pk":          &types.AttributeValueMemberS{Value: "ORDER#" + o.ID},
			"customer_id": &types.AttributeValueMemberS{Value: o.CustomerID},
			"amount":      &types.AttributeValueMemberN{Value: strconv.FormatInt(o.AmountCents, 10)},
			"currency":    &types.AttributeValueMemberS{Value: o.Currency},
			"created_by":  &types.AttributeValueMemberS{Value: o.CreatedBy},
			"created_at":  &types.AttributeValueMemberS{Value: o.CreatedAt.UTC().Format(time.RFC3339)},
		},
	})
	if err != nil {
		return fmt.Errorf("put order %s: %w", o.ID, err)
	}
	return nil
}

// OutstandingCents returns the total of the customer's unpaid invoices.
func (s *Store) OutstandingCents(ctx context.Context, customerID string) (int64, error) {
	rows, err := s.db.Query("SELECT amount_cents FROM invoices WHERE customer_id = ? AND paid = 0", customerID) // reported at the handler's call of OutstandingCents
	if err != nil {
		return 0, fmt.Errorf("query unpaid invoices for customer %s: %w", customerID, err)
	}
	defer rows.Close()

	var total int64
	for rows.Next() {
		var cents int64
		if err := rows.Scan(&cents); err != nil {
			return 0, fmt.Errorf("scan unpaid invoice for customer %s: %w", customerID, err)
		}
		total += cents
	}
	return total, rows.Err()
}

// Invoices returns the customer's invoices, newest first, at most limit rows.
func (s *Store) Invoices(ctx context.Context, customerID string, limit int) ([]Invoice, error) {
	rows, err := s.db.QueryContext(ctx, // ok: the query is cancelled with the caller's ctx
		"SELECT id, amount_cents, paid, issued_at FROM invoices WHERE customer_id = ? ORDER BY issued_at DESC LIMIT ?",
		customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query invoices for customer %s: %w", customerID, err)
	}
	defer rows.Close()

	var invoices []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.Scan(&inv.ID, &inv.AmountCents, &inv.Paid, &inv.IssuedAt); err != nil {
			return nil, fmt.Errorf("scan invoice for customer %s: %w", customerID, err)
		}
		invoices = append(invoices, inv)
	}
	return invoices, rows.Err()
}
