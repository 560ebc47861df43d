// Package main ends the process through each logging library's fatal
// calls.
package main

import (
	"context"
	"log"
	"os"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

type event struct {
	Kind string
}

type service struct {
	std    *log.Logger
	zap    *zap.Logger
	sugar  *zap.SugaredLogger
	zero   zerolog.Logger
	rus    *logrus.Logger
	fields logrus.FieldLogger
}

// embedded promotes the methods of *zap.Logger.
type embedded struct {
	*zap.Logger
}

func (s *service) handle(ctx context.Context, ev event) error {
	switch ev.Kind {
	case "std":
		s.std.Fatalln("std") // want `^\(\*log.Logger\).Fatalln in handler code exits the process`
	case "zap":
		s.zap.Fatal("zap") // want `^\(\*zap.Logger\).Fatal in handler code`
	case "zap-global":
		zap.L().Fatal("global") // want `^\(\*zap.Logger\).Fatal in handler code`
	case "zap-embedded":
		embedded{s.zap}.Fatal("embedded") // want `^\(\*zap.Logger\).Fatal in handler code`
	case "sugar":
		s.sugar.Fatal("sugar") // want `^\(\*zap.SugaredLogger\).Fatal in handler code`
	case "sugar-f":
		s.sugar.Fatalf("sugar %d", 1) // want `^\(\*zap.SugaredLogger\).Fatalf in handler code`
	case "sugar-w":
		s.sugar.Fatalw("sugar", "k", "v") // want `^\(\*zap.SugaredLogger\).Fatalw in handler code`
	case "sugar-ln":
		s.sugar.Fatalln("sugar") // want `^\(\*zap.SugaredLogger\).Fatalln in handler code`
	case "zerolog":
		s.zero.Fatal().Str("kind", ev.Kind).Msg("zerolog") // want `^\(\*zerolog.Logger\).Fatal in handler code`
	case "zerolog-global":
		zlog.Fatal().Msg("zerolog") // want `^zerolog/log.Fatal in handler code`
	case "logrus":
		logrus.Fatalf("logrus %s", ev.Kind) // want `^logrus.Fatalf in handler code`
	case "logrus-plain":
		logrus.Fatal("logrus") // want `^logrus.Fatal in handler code`
	case "logrus-ln":
		logrus.Fatalln("logrus") // want `^logrus.Fatalln in handler code`
	case "logrus-fn":
		logrus.FatalFn(func() []any { return []any{"logrus"} }) // want `^logrus.FatalFn in handler code`
	case "logrus-logger-exit":
		s.rus.Exit(4) // want `^\(\*logrus.Logger\).Exit in handler code`
	case "logrus-logger":
		s.rus.Fatalf("logrus %s", ev.Kind) // want `^\(\*logrus.Logger\).Fatalf in handler code`
	case "logrus-entry":
		s.rus.WithField("kind", ev.Kind).Fatal("entry") // want `^\(\*logrus.Entry\).Fatal in handler code`
	case "logrus-fields":
		s.fields.Fatalln("fields") // want `^logrus.StdLogger.Fatalln in handler code`
	case "logrus-exit":
		logrus.Exit(3) // want `^logrus.Exit in handler code`
	case "syscall":
		syscall.Exit(1) // want `^syscall.Exit in handler code`
	case "deferred":
		defer os.Exit(0) // want `^os.Exit in handler code`
	}

	// Other levels return.
	s.zap.Error("zap")                 // ok
	s.zero.Error().Msg("zerolog")      // ok
	s.rus.WithField("k", 1).Error("x") // ok
	zlog.Error().Msg("zerolog")        // ok
	s.std.Println("std")               // ok
	return nil
}

func main() {
	z := zap.Must(zap.NewProduction())
	s := &service{
		std:    log.New(os.Stderr, "", 0),
		zap:    z,
		sugar:  z.Sugar(),
		zero:   zerolog.New(os.Stderr),
		rus:    logrus.New(),
		fields: logrus.New(),
	}
	if os.Getenv("TABLE") == "" {
		s.zap.Fatal("TABLE is not set") // ok: INIT code
	}
	lambda.Start(s.handle)
}
