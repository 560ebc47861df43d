// Package main handles errors the way a Lambda handler should. Nothing
// here is reported.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// auditLog has a Fatal method of its own, which only records the
// message.
type auditLog struct{ lines []string }

func (a *auditLog) Fatal(msg string) { a.lines = append(a.lines, "FATAL "+msg) }

// Exit has the name of os.Exit and returns an error.
func Exit(code int) error { return fmt.Errorf("exit code %d", code) }

var table = mustEnv("TABLE") // ok: INIT code

func mustEnv(name string) string {
	v := os.Getenv(name)
	if v == "" {
		log.Fatalf("%s is not set", name)
	}
	return v
}

func init() {
	if os.Getenv("STAGE") == "" {
		logrus.Fatal("STAGE is not set")
	}
}

type handler struct {
	zap   *zap.Logger
	zero  zerolog.Logger
	audit *auditLog
}

func (h *handler) handle(ctx context.Context, id string) (string, error) {
	if id == "" {
		h.zap.Error("empty id")
		h.zero.Error().Msg("empty id")
		h.audit.Fatal("empty id")
		return "", errors.New("empty id")
	}
	if id == "panic" {
		log.Panicf("unexpected id %q", id) // aws-lambda-go recovers the panic
	}
	if id == "exit" {
		return "", Exit(2)
	}
	return table + id, nil
}

func main() {
	z, err := zap.NewProduction()
	if err != nil {
		log.Fatal(err)
	}
	h := &handler{zap: z, zero: zerolog.New(os.Stderr), audit: &auditLog{}}
	if len(os.Args) > 1 {
		fmt.Println("usage: bootstrap")
		os.Exit(2)
	}
	lambda.Start(h.handle)
}
