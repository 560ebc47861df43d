// Package main talks to DynamoDB through an interface of its own, as
// code written for tests does.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

type tableAPI interface {
	DescribeTable(ctx context.Context, in *dynamodb.DescribeTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
}

var table tableAPI = dynamodb.New(dynamodb.Options{Region: "eu-west-1"})

func check() error {
	_, err := table.DescribeTable(context.Background(), &dynamodb.DescribeTableInput{})
	return err
}

func handler(ctx context.Context) error { return nil }

func main() {
	if err := check(); err != nil { // want `network call tableAPI.DescribeTable runs during INIT .* \(via check\)`
		panic(err)
	}
	lambda.Start(handler)
}
