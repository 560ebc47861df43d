// Package background drops the handler's context in favour of a fresh
// one: once to make a local proxy work, once in a helper that has no
// context at hand.
package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var (
	items *dynamodb.Client
	table = os.Getenv("TABLE")
)

func keyOf(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: id}}
}

func record(id string) {
	actx := context.TODO() // want `context.TODO\(\) drops the handler's deadline, so calls made with it keep running until the invocation times out`
	if _, err := items.PutItem(actx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: keyOf("log#" + id)}); err != nil {
		log.Printf("record %s failed: %v", id, err)
	}
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	if os.Getenv("LOCAL_PROXY") != "" {
		ctx = context.Background() // want `context.Background\(\) drops the handler's deadline`
	}
	id := req.PathParameters["id"]
	out, err := items.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: keyOf(id)}) // ok: reported at the Background call above
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 502}, err
	}

	sub, cancel := context.WithTimeout(ctx, 2*time.Second) // ok: derived from the handler's ctx
	defer cancel()
	if _, err := items.GetItem(sub, &dynamodb.GetItemInput{TableName: aws.String(table), Key: keyOf("meta#" + id)}); err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 502}, err
	}

	record(id)
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: string(rune(len(out.Item)))}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background()) // ok: main is INIT code, not a handler
	if err != nil {
		log.Fatal(err)
	}
	items = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
