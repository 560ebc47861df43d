// Package main builds its AWS configuration and clients in the handler,
// next to a client that sync.OnceValues builds once.
package main

import (
	"context"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// audit is built on first use and then shared by every invocation.
var audit = sync.OnceValues(func() (*dynamodb.Client, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx) // ok: run once by sync.OnceValues
	if err != nil {
		return nil, err
	}
	return dynamodb.NewFromConfig(cfg), nil // ok: run once by sync.OnceValues
})

func copyObjects(ctx context.Context, ev events.S3Event) error {
	cfg, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig loads the AWS configuration on every invocation: load it once during INIT or lazily with sync.OnceValues so warm invocations reuse the resolved credentials`
	if err != nil {
		return err
	}
	src := s3.NewFromConfig(cfg)                                                // want `s3.NewFromConfig builds a client on every invocation`
	dst := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }) // want `s3.NewFromConfig builds a client on every invocation`
	opts := s3.Options{Region: "eu-west-1"}
	backup := s3.New(opts) // want `s3.New builds a client on every invocation`

	table, err := audit()
	if err != nil {
		return err
	}
	for _, rec := range ev.Records {
		obj, err := src.GetObject(ctx, &s3.GetObjectInput{
			Bucket: aws.String(rec.S3.Bucket.Name),
			Key:    aws.String(rec.S3.Object.Key),
		}, func(o *s3.Options) { o.Region = rec.AWSRegion }) // ok: options for one request
		if err != nil {
			return err
		}
		_, err = dst.PutObject(ctx, &s3.PutObjectInput{
			Bucket: aws.String(os.Getenv("TARGET_BUCKET")),
			Key:    aws.String(rec.S3.Object.Key),
			Body:   obj.Body,
		})
		obj.Body.Close()
		if err != nil {
			return err
		}
		if _, err := backup.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("backup")}); err != nil {
			return err
		}
		if _, err := table.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("copies")}); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	lambda.Start(copyObjects)
}
