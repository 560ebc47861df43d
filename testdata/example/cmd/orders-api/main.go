// Command orders-api serves the orders API behind an API Gateway REST API
// with the Lambda proxy integration.
//
//	POST /orders                   create an order after a credit check
//	GET  /customers/{id}/invoices  list a customer's latest invoices
package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/go-sql-driver/mysql"

	"example.com/orders/internal/rates"
	"example.com/orders/internal/store"
)

// Clients created in main and configuration read at start-up, shared by every
// invocation in the execution environment.
var (
	dynamo         *dynamodb.Client
	secrets        *secretsmanager.Client
	orders         *store.Store
	customersTable = os.Getenv("CUSTOMERS_TABLE")
)

var (
	// coldStart is true until the first invocation in this execution environment.
	coldStart = true

	// lastCaller is the IAM caller of the latest request, recorded on new orders.
	lastCaller string

	// seenIdempotencyKeys lists the Idempotency-Key headers already processed.
	seenIdempotencyKeys []string
)

// dbPassword is the billing database password, read from Secrets Manager.
var dbPassword = mustGetSecret(os.Getenv("DB_SECRET_ID")) // lambdalint: initwork

// signingKey returns the HMAC key for order confirmation tokens. The first call
// fetches it from Secrets Manager. Later calls return the cached key, or the
// cached error if that fetch failed.
var signingKey = sync.OnceValues(func() ([]byte, error) { // ok: lazy, nothing is fetched until the first call
	// The result is cached for every later invocation, so the fetch must not be
	// cancelled by the first request's ctx. It gets its own deadline instead.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second) // ok: bounded, and independent of any one request
	defer cancel()

	out, err := secrets.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
		SecretId: aws.String(os.Getenv("SIGNING_KEY_SECRET_ID")),
	})
	if err != nil {
		return nil, fmt.Errorf("get signing key: %w", err)
	}
	return []byte(aws.ToString(out.SecretString)), nil
})

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background()) // ok: runs once per execution environment, before lambda.Start
	if err != nil {
		slog.Error("load AWS config failed", "error", err)
		os.Exit(1)
	}
	dynamo = dynamodb.NewFromConfig(cfg)        // ok: one client, reused by every invocation
	secrets = secretsmanager.NewFromConfig(cfg) // ok: one client, reused by every invocation

	dbConfig := mysql.NewConfig()
	dbConfig.User = os.Getenv("DB_USER")
	dbConfig.Passwd = dbPassword
	dbConfig.Net = "tcp"
	dbConfig.Addr = os.Getenv("DB_ADDR")
	dbConfig.DBName = "billing"
	dbConfig.ParseTime = true
	db, err := sql.Open("mysql", dbConfig.FormatDSN()) // ok: one pool per execution environment
	if err != nil {
		slog.Error("open billing database failed", "error", err)
		os.Exit(1)
	}
	// An execution environment handles one request at a time, so a small pool is
	// enough, and the cap bounds the connections open at the database as
	// Lambda scales out.
	db.SetMaxOpenConns(2) // ok: bounded pool

	orders = store.New(dynamo, os.Getenv("ORDERS_TABLE"), db)
	lambda.Start(handler)
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	if lc, ok := lambdacontext.FromContext(ctx); ok && coldStart {
		slog.Info("cold start", "aws_request_id", lc.AwsRequestID)
	}
	coldStart = false // ok: a constant, carries no request data

	if key := req.Headers["Idempotency-Key"]; key != "" {
		if slices.Contains(seenIdempotencyKeys, key) {
			return errorResponse(http.StatusConflict, "a request with Idempotency-Key "+key+" was already processed")
		}
		seenIdempotencyKeys = append(seenIdempotencyKeys, key) // lambdalint: globalstate
	}
	lastCaller = req.RequestContext.Identity.Caller // lambdalint: globalstate

	switch {
	case req.HTTPMethod == http.MethodPost && req.Resource == "/orders":
		return createOrder(ctx, req.Body)
	case req.HTTPMethod == http.MethodGet && req.Resource == "/customers/{id}/invoices":
		return listInvoices(ctx, req.PathParameters["id"])
	}
	return errorResponse(http.StatusNotFound, "no route for "+req.HTTPMethod+" "+req.Path)
}

type createOrderRequest struct {
	CustomerID  string `json:"customer_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

func createOrder(ctx context.Context, body string) (events.APIGatewayProxyResponse, error) {
	var in createOrderRequest
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		return errorResponse(http.StatusBadRequest, "invalid JSON body: "+err.Error())
	}
	if in.CustomerID == "" || in.AmountCents <= 0 || len(in.Currency) != 3 {
		return errorResponse(http.StatusBadRequest, "customer_id, a positive amount_cents and a 3-letter currency are required")
	}

	customer, err := dynamo.GetItem(context.Background(), &dynamodb.GetItemInput{ // lambdalint: notimeout
		TableName: aws.String(customersTable),
		Key:       map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "CUSTOMER#" + in.CustomerID}},
	})
	if err != nil {
		return internalError("get customer "+in.CustomerID, err)
	}
	if customer.Item == nil {
		return errorResponse(http.StatusNotFound, "customer "+in.CustomerID+" not found")
	}
	limitAttr, ok := customer.Item["credit_limit_cents"].(*types.AttributeValueMemberN)
	if !ok {
		return internalError("read credit limit of customer "+in.CustomerID, errors.New("missing numeric attribute credit_limit_cents"))
	}
	limitCents, err := strconv.ParseInt(limitAttr.Value, 10, 64)
	if err != nil {
		return internalError("parse credit limit of customer "+in.CustomerID, err)
	}

	// Credit limits and invoices are kept in USD.
	rate := 1.0
	if in.Currency != "USD" {
		rate, err = rates.Fetch(in.Currency, "USD") // lambdalint: notimeout (via rates)
		if err != nil {
			return internalError("convert "+in.Currency+" to USD", err)
		}
	}
	amountUSDCents := int64(math.Round(float64(in.AmountCents) * rate))

	outstandingCents, err := orders.OutstandingCents(ctx, in.CustomerID) // lambdalint: notimeout (via store)
	if err != nil {
		return internalError("read outstanding balance of customer "+in.CustomerID, err)
	}
	if outstandingCents+amountUSDCents > limitCents {
		return errorResponse(http.StatusUnprocessableEntity, "order exceeds the credit limit of customer "+in.CustomerID)
	}

	order := store.Order{
		ID:          rand.Text(),
		CustomerID:  in.CustomerID,
		AmountCents: in.AmountCents,
		Currency:    in.Currency,
		CreatedBy:   lastCaller,
		CreatedAt:   time.Now(),
	}
	putCtx, cancel := context.WithTimeout(ctx, 2*time.Second) // ok: derived from the handler ctx
	defer cancel()
	if err := orders.PutOrder(putCtx, order); err != nil {
		return internalError("save order "+order.ID, err)
	}

	key, err := signingKey()
	if err != nil {
		return internalError("sign order "+order.ID, err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(order.ID))
	return jsonResponse(http.StatusCreated, map[string]string{
		"order_id":     order.ID,
		"confirmation": hex.EncodeToString(mac.Sum(nil)),
	})
}

func listInvoices(ctx context.Context, customerID string) (events.APIGatewayProxyResponse, error) {
	if customerID == "" {
		return errorResponse(http.StatusBadRequest, "missing customer id in path")
	}
	queryCtx, cancel := context.WithTimeout(ctx, 3*time.Second) // ok: derived from the handler ctx
	defer cancel()

	invoices, err := orders.Invoices(queryCtx, customerID, 50)
	if err != nil {
		return internalError("list invoices of customer "+customerID, err)
	}
	return jsonResponse(http.StatusOK, invoices)
}

// mustGetSecret returns the string value of the secret secretID and exits the
// process if it cannot be read.
func mustGetSecret(secretID string) string {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		slog.Error("load AWS config failed", "error", err)
		os.Exit(1)
	}
	out, err := secretsmanager.NewFromConfig(cfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
		SecretId: aws.String(secretID),
	})
	if err != nil {
		slog.Error("get secret failed", "secret_id", secretID, "error", err)
		os.Exit(1)
	}
	return aws.ToString(out.SecretString)
}

func jsonResponse(status int, body any) (events.APIGatewayProxyResponse, error) {
	encoded, err := json.Marshal(body)
	if err != nil {
		return events.APIGatewayProxyResponse{}, fmt.Errorf("encode response: %w", err)
	}
	return events.APIGatewayProxyResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(encoded),
	}, nil
}

func errorResponse(status int, message string) (events.APIGatewayProxyResponse, error) {
	return jsonResponse(status, map[string]string{"error": message})
}

// internalError logs err and returns a 500 response that does not expose it.
func internalError(action string, err error) (events.APIGatewayProxyResponse, error) {
	slog.Error(action+" failed", "error", err)
	return errorResponse(http.StatusInternalServerError, "internal error")
}
