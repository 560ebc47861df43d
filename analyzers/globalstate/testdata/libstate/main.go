// Package main hands request data to libraries that keep it in their
// own package-level state on purpose: a global logger tagged with the
// request id, replaced at the start of every invocation, and a JSON
// codec that caches decoders by type. Neither is reported: the state
// belongs to the library.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	jsoniter "github.com/json-iterator/go"
	"go.uber.org/zap"
)

type order struct {
	ID    string `json:"id"`
	Total int    `json:"total"`
}

var lastOrder string

func handler(ctx context.Context, event events.SQSEvent) error {
	fields := []zap.Field{}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		fields = append(fields, zap.String("request_id", lc.AwsRequestID))
	}
	zap.ReplaceGlobals(zap.NewExample().With(fields...)) // ok: the library's global logger, replaced on every invocation

	for _, msg := range event.Records {
		var o order
		if err := jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal([]byte(msg.Body), &o); err != nil { // ok: the codec caches decoders by type
			return err
		}
		zap.L().Info("order", zap.String("id", o.ID))
		lastOrder = msg.MessageId // want `request data stored in package-level var lastOrder`
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
