// Package main records process exits in handler code that handlerexit
// misses today. Each is a real fault, and none is reported.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-lambda-go/lambda"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// job keeps its failure function in a field, and calls through fields
// are not resolved.
type job struct {
	fail func(format string, args ...any)
}

// must calls the func it is given. The func is a function of the
// standard library, with no body to follow.
func must(err error, fatal func(...any)) {
	if err != nil {
		fatal(err)
	}
}

var logger = zap.NewNop()

func handler(ctx context.Context, id string) error {
	j := job{fail: log.Fatalf}
	if id == "" {
		// Missed: the call goes through a struct field.
		j.fail("empty id")
	}

	// Missed: log.Fatal is passed as a value.
	must(ctx.Err(), log.Fatal)

	// Missed: zap exits at the fatal level whichever method writes it.
	logger.Log(zapcore.FatalLevel, "written at the fatal level")
	if ce := logger.Check(zapcore.FatalLevel, "checked"); ce != nil {
		ce.Write()
	}
	return nil
}

func main() {
	lambda.Start(handler)
}
