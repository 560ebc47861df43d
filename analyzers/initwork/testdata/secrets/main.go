// Package main reads a secret in a package-level initializer and pings
// its database in init: both wait on the network on every cold start.
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

var awsCfg = loadConfig() // ok: LoadDefaultConfig reads the environment

var secrets = secretsmanager.NewFromConfig(awsCfg) // ok: a constructor

var apiKey = readSecret("service/api-key") // want `network call \(\*secretsmanager.Client\).GetSecretValue runs during INIT on every cold start, so do it lazily on first use \(sync.OnceValues\) or take its result from configuration \(via readSecret → secretValue\)`

// signingKey is fetched on first use, in an invocation.
var signingKey = sync.OnceValues(func() (string, error) { // ok: the literal is stored, not run
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return secretValue(ctx, "service/signing-key")
})

var db *sql.DB

func loadConfig() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		log.Fatalf("load config failed: %v", err)
	}
	return cfg
}

func secretValue(ctx context.Context, id string) (string, error) {
	out, err := secrets.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}

func readSecret(id string) string {
	v, err := secretValue(context.Background(), id)
	if err != nil {
		log.Fatalf("read secret %s failed: %v", id, err)
	}
	return v
}

func init() {
	var err error
	db, err = sql.Open("mysql", os.Getenv("DB_DSN")) // ok: Open does not connect
	if err != nil {
		log.Fatalf("open database failed: %v", err)
	}
	db.SetMaxOpenConns(2)
	if err := db.Ping(); err != nil { // want `network call \(\*sql.DB\).Ping runs during INIT`
		log.Fatalf("ping database failed: %v", err)
	}
}

type request struct {
	UserID string `json:"user_id"`
}

func handler(ctx context.Context, r request) (string, error) {
	key, err := signingKey() // ok: runs in an invocation
	if err != nil {
		return "", err
	}
	var plan string
	if err := db.QueryRowContext(ctx, "SELECT plan FROM users WHERE id = ?", r.UserID).Scan(&plan); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %d %d", plan, len(key), len(apiKey)), nil
}

func main() {
	lambda.Start(handler)
}
