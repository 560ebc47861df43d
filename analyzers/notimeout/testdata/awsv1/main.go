// Package main uses the AWS SDK for Go v1 from a handler.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3iface"
)

var (
	sess               = session.Must(session.NewSession())
	svc                = s3.New(sess)
	api  s3iface.S3API = svc
)

func handler(ctx context.Context, key string) error {
	if _, err := svc.HeadObject(&s3.HeadObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}); err != nil { // want `\(\*s3.S3\).HeadObject takes no context, so a slow AWS call can keep the invocation waiting until it times out \(use HeadObjectWithContext\)`
		return err
	}
	if _, err := api.GetObject(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}); err != nil { // want `s3iface.S3API.GetObject takes no context`
		return err
	}
	_, err := svc.GetObjectWithContext(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}) // ok: the WithContext form
	return err
}

func main() {
	lambda.Start(handler)
}
