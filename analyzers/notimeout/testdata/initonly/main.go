// Package initonly does its remote work during INIT and lazily; none of
// it runs in a handler without a deadline.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

var awsCfg = loadConfig()

var secrets = secretsmanager.NewFromConfig(awsCfg)

var token = secret("service/token")

// signing is fetched on first use, with its own bound.
var signing = sync.OnceValues(func() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second) // ok: bounded on the spot
	defer cancel()
	return value(ctx, "service/signing")
})

var db *sql.DB

func loadConfig() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background()) // ok: INIT code only
	if err != nil {
		log.Fatalf("load config failed: %v", err)
	}
	return cfg
}

func value(ctx context.Context, id string) (string, error) {
	out, err := secrets.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}

func secret(id string) string {
	v, err := value(context.Background(), id) // ok: INIT code only
	if err != nil {
		log.Fatalf("read secret %s failed: %v", id, err)
	}
	return v
}

func init() {
	var err error
	db, err = sql.Open("mysql", os.Getenv("DB_DSN"))
	if err != nil {
		log.Fatalf("open database failed: %v", err)
	}
	if err := db.Ping(); err != nil { // ok: INIT code only
		log.Fatalf("ping database failed: %v", err)
	}
}

type request struct {
	UserID string `json:"user_id"`
}

func handler(ctx context.Context, r request) (string, error) {
	key, err := signing()
	if err != nil {
		return "", err
	}
	var plan string
	if err := db.QueryRowContext(ctx, "SELECT plan FROM users WHERE id = ?", r.UserID).Scan(&plan); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %d %d", plan, len(key), len(token)), nil
}

func main() {
	lambda.Start(handler)
}
