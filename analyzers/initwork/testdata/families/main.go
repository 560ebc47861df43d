// Package main touches every family of the network catalogue during
// INIT, each next to a constructor of the same library that does not
// connect.
package main

import (
	"context"
	"database/sql"
	"net"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	mongo2 "go.mongodb.org/mongo-driver/v2/mongo"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func handler(ctx context.Context) error { return nil }

func main() {
	ctx := context.Background()

	req, _ := http.NewRequest(http.MethodGet, "https://a.example.invalid/", nil) // ok: building a request sends nothing
	http.DefaultClient.Do(req)                                                   // want `network call \(\*http.Client\).Do runs during INIT`

	_ = net.ParseIP("10.0.0.1")         // ok: no network
	net.LookupHost("b.example.invalid") // want `network call net.LookupHost runs during INIT`
	var d net.Dialer
	d.DialContext(ctx, "tcp", "c.example.invalid:443") // want `network call \(\*net.Dialer\).DialContext runs during INIT`

	db, _ := sql.Open("postgres", "") // ok: Open does not connect
	db.ExecContext(ctx, "SELECT 1")   // want `network call \(\*sql.DB\).ExecContext runs during INIT`

	pool, _ := pgxpool.New(ctx, "") // ok: the pool connects lazily
	pool.Ping(ctx)                  // want `network call \(\*pgxpool.Pool\).Ping runs during INIT`
	pgx.Connect(ctx, "")            // want `network call pgx.Connect runs during INIT`

	rdb := redis.NewClient(&redis.Options{Addr: "d.example.invalid:6379"}) // ok: NewClient does not connect
	rdb.Ping(ctx)                                                          // want `network call \(\*redis.Client\).Ping runs during INIT`

	mc, _ := mongo.NewClient(options.Client()) // ok: NewClient does not connect
	mc.Ping(ctx, nil)                          // want `network call \(\*mongo.Client\).Ping runs during INIT`
	mc2, _ := mongo2.Connect()                 // ok: v2 Connect does not wait for the server
	mc2.Ping(ctx, nil)                         // want `network call \(\*mongo.Client\).Ping runs during INIT`

	grpc.NewClient("e.example.invalid:443", grpc.WithTransportCredentials(insecure.NewCredentials()))              // ok: NewClient does not connect
	grpc.Dial("e.example.invalid:443", grpc.WithBlock(), grpc.WithTransportCredentials(insecure.NewCredentials())) // want `network call grpc.Dial runs during INIT`

	cfg, _ := config.LoadDefaultConfig(ctx)                                      // ok: reads the environment
	client := s3.NewFromConfig(cfg)                                              // ok: a constructor
	client.HeadBucket(ctx, &s3.HeadBucketInput{})                                // want `network call \(\*s3.Client\).HeadBucket runs during INIT`
	s3.NewListObjectsV2Paginator(client, &s3.ListObjectsV2Input{}).NextPage(ctx) // want `network call \(\*s3.ListObjectsV2Paginator\).NextPage runs during INIT`
	manager.NewUploader(client).Upload(ctx, &s3.PutObjectInput{})                // want `network call manager.Uploader.Upload runs during INIT`

	sess := session.Must(session.NewSession()) // ok: NewSession does not connect
	v1 := s3v1.New(sess)
	v1.GetObject(&s3v1.GetObjectInput{Bucket: awsv1.String("b")})                 // want `network call \(\*s3.S3\).GetObject runs during INIT`
	v1.GetObjectWithContext(ctx, &s3v1.GetObjectInput{Bucket: awsv1.String("b")}) // want `network call \(\*s3.S3\).GetObjectWithContext runs during INIT`

	lambda.Start(handler)
}
