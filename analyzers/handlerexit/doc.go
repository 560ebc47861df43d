// Package handlerexit defines an Analyzer that reports calls in handler
// code that end the process, such as log.Fatal and os.Exit.
//
// # Analyzer handlerexit
//
// handlerexit: report log.Fatal, os.Exit and other process exits in handler code
//
// A handler ends an invocation by returning: its error goes back to
// Lambda, which records it, retries an asynchronous event or sends it to
// a destination. A handler that calls log.Fatal or os.Exit instead ends
// the runtime process before aws-lambda-go can post any response.
// Lambda records only "Runtime exited with error: exit status 1"
// (Runtime.ExitError), loses the handler's error message, and discards
// the execution environment, so the next invocation pays a cold start.
//
// handlerexit reports, in code reachable from a handler, a call of:
//
//   - os.Exit and syscall.Exit;
//   - log.Fatal, log.Fatalf and log.Fatalln, as functions and as
//     methods of *log.Logger;
//   - go.uber.org/zap: (*zap.Logger).Fatal, and Fatal, Fatalf, Fatalw
//     and Fatalln of *zap.SugaredLogger;
//   - github.com/rs/zerolog: (*zerolog.Logger).Fatal and the global
//     zerolog/log.Fatal. The process exits when the event is sent, but
//     the Fatal call is reported;
//   - github.com/sirupsen/logrus: the Fatal, Fatalf, Fatalln and FatalFn
//     functions and methods of *logrus.Logger, the Fatal, Fatalf and
//     Fatalln methods of *logrus.Entry and of the logrus.StdLogger
//     interface, which logrus.FieldLogger embeds, and logrus.Exit and
//     (*logrus.Logger).Exit;
//   - any function of the program that calls one of these, through
//     facts.
//
// Calls are matched by the function they resolve to, so a helper of the
// program named fatal that only builds an error is not reported.
//
// Handler code is everything reachable from a handler, goroutines and
// func values passed on included: the function passed to lambda.Start
// and its kin, route handlers served through an aws-lambda-go-api-proxy
// adapter, functions-framework-go functions, Azure custom handlers, and
// functions marked //lambdalint:handler. When the exit is in another
// package, the finding is placed at the call in the handler's package
// that leads to it, and names the chain:
//
//	os.Exit in handler code exits the process, so the invocation fails
//	with Runtime.ExitError and the next one pays a cold start (via
//	config.Must → config.fail)
//
// Runtime.ExitError is the name that Lambda gives the failure. Other
// platforms name it differently, but the process ends all the same.
//
// Wrong:
//
//	func handler(ctx context.Context, ev events.SQSEvent) error {
//		order, err := decode(ev)
//		if err != nil {
//			log.Fatalf("bad order: %v", err)
//		}
//		…
//	}
//
// Fix: return the error, so that Lambda records it and the execution
// environment stays warm.
//
//	if err != nil {
//		return fmt.Errorf("decode order: %w", err)
//	}
//
// Not reported:
//
//   - INIT code: package-level initializers, init functions and main
//     before the call that starts serving. A log.Fatal there fails INIT,
//     which Lambda reports as an init error, and is the usual way to
//     reject a missing configuration;
//   - panic and log.Panic: aws-lambda-go recovers a panic of the handler
//     and returns it as the invocation's error;
//   - fatal levels written without a Fatal method, such as zap's
//     Log(zapcore.FatalLevel, …) and Check(zapcore.FatalLevel, …).
//
// A program that replaces the exit (zap.WithFatalHook,
// zerolog.FatalExitFunc, the ExitFunc field of a logrus Logger) is still
// reported: the replacement is not followed.
//
// Flags: none.
package handlerexit
