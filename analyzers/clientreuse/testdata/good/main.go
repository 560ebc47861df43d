// Package main builds its clients the right ways; nothing here is
// reported.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"
)

var (
	cfg     aws.Config
	objects *s3.Client
	cache   *redis.Client
	lazy    *dynamodb.Client
	lazyMu  sync.Mutex
	regions = map[string]*s3.Client{}
	perRegn sync.Map
	db      *sql.DB
	hooks   = &http.Client{Transport: &http.Transport{MaxIdleConns: 4}} // ok: package-level initializer
)

// services holds the clients that main builds once.
type services struct {
	objects *s3.Client
	table   *dynamodb.Client
}

func newServices(cfg aws.Config) *services {
	return &services{objects: s3.NewFromConfig(cfg), table: dynamodb.NewFromConfig(cfg)}
}

func newObjects(cfg aws.Config) *s3.Client {
	return s3.NewFromConfig(cfg)
}

// table builds the DynamoDB client on first use, under a mutex.
func table(ctx context.Context) (*dynamodb.Client, error) {
	lazyMu.Lock()
	defer lazyMu.Unlock()
	if lazy == nil {
		c, err := config.LoadDefaultConfig(ctx) // ok: the client built from it is kept
		if err != nil {
			return nil, err
		}
		lazy = dynamodb.NewFromConfig(c)
	}
	return lazy, nil
}

// setDB keeps the pool it is given.
func setDB(d *sql.DB) { db = d }

// connectDB opens the pool lazily and keeps it through setDB.
func connectDB() error {
	if db != nil {
		return nil
	}
	d, err := sql.Open("mysql", os.Getenv("DSN")) // ok: kept by setDB
	if err != nil {
		return err
	}
	setDB(d)
	return nil
}

// regional keeps one client per region in a package-level map.
func regional(region string) *s3.Client {
	if c, ok := regions[region]; ok {
		return c
	}
	c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = region }) // ok: kept in a package-level map
	regions[region] = c
	return c
}

// regionalSync keeps one client per region in a sync.Map.
func regionalSync(region string) *s3.Client {
	c, _ := perRegn.LoadOrStore(region, s3.NewFromConfig(cfg)) // ok: kept in a package-level sync.Map
	return c.(*s3.Client)
}

// counter opens one connection per invocation and closes it, which is a
// deliberate design behind a connection proxy.
func counter(ctx context.Context) (int, error) {
	conn, err := pgx.Connect(ctx, os.Getenv("PG_URL")) // ok: closed before returning
	if err != nil {
		return 0, err
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, "SELECT 1").Scan(&n)
	return n, err
}

// counterDeferred closes its connection in a deferred func literal.
func counterDeferred(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, os.Getenv("PG_URL")) // ok: closed before returning
	if err != nil {
		return err
	}
	defer func() { conn.Close(ctx) }()
	_, err = conn.Exec(ctx, "SELECT 1")
	return err
}

func handler(svc *services) func(context.Context) error {
	return func(ctx context.Context) error {
		if _, err := svc.objects.ListBuckets(ctx, &s3.ListBucketsInput{}); err != nil {
			return err
		}
		if _, err := objects.ListBuckets(ctx, &s3.ListBucketsInput{}, func(o *s3.Options) { o.Region = "us-east-1" }); err != nil {
			return err
		}
		t, err := table(ctx)
		if err != nil {
			return err
		}
		_ = t
		_ = regional("eu-west-1")
		_ = regionalSync("eu-west-1")
		if err := connectDB(); err != nil {
			return err
		}
		if _, err := counter(ctx); err != nil {
			return err
		}
		if err := counterDeferred(ctx); err != nil {
			return err
		}
		plain := &http.Client{Timeout: 3 * time.Second} // ok: shares http.DefaultTransport
		if _, err := plain.Get("https://example.com"); err != nil {
			return err
		}
		hooks.CloseIdleConnections() // ok: only idle connections
		return cache.Ping(ctx).Err()
	}
}

func init() {
	cache = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // ok: init
}

func main() {
	var err error
	cfg, err = config.LoadDefaultConfig(context.Background()) // ok: INIT code
	if err != nil {
		panic(err)
	}
	objects = newObjects(cfg) // ok: INIT code
	lambda.Start(handler(newServices(cfg)))
}
