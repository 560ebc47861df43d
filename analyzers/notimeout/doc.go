// Package notimeout defines an Analyzer that reports outbound calls in
// handler code that the invocation's deadline cannot stop.
//
// # Analyzer notimeout
//
// notimeout: report outbound calls in handler code that ignore the invocation deadline
//
// Lambda gives each invocation a deadline and passes it to the handler
// in its ctx. A call that does not carry that ctx, and has no timeout of
// its own, keeps waiting on a stalled server until Lambda kills the
// function: the log shows one "Task timed out" line, with no error and
// no stack from the code. notimeout reports, in code reachable from a
// handler (see below):
//
//   - context.Background() and context.TODO(), unless the result is
//     bounded on the spot by context.WithTimeout or context.WithDeadline;
//     later uses of that context are not reported again;
//   - context.WithoutCancel, under the same condition;
//   - a call that is given a context kept in a package-level variable;
//   - net/http Get, Head, Post and PostForm, as functions and as methods
//     of an *http.Client that has no Timeout, and (*http.Client).Do or
//     (*http.Transport).RoundTrip of a request built by http.NewRequest
//     and never given a context with WithContext or Clone;
//   - net.Dial, the net.Lookup functions and crypto/tls.Dial;
//   - database/sql methods that have a …Context twin: Query, QueryRow,
//     Exec, Ping, Prepare and Begin on DB, Conn, Tx and Stmt;
//   - AWS SDK for Go v1 operations called without their WithContext
//     form.
//
// A client counts as bounded when every value stored in it in this
// package sets a non-zero Timeout; http.DefaultClient has none.
//
// Handler code is everything reachable from a handler: the function
// passed to lambda.Start and its kin, route handlers served through an
// aws-lambda-go-api-proxy adapter, functions-framework-go functions,
// Azure custom handlers, and functions marked //lambdalint:handler.
// When the call that loses the deadline is in another package, the
// finding is placed at the call in the handler's package that leads to
// it, and names the chain: "http.Get has no context … (via
// rates.Fetch → rates.get)".
//
// Not reported:
//
//   - code reachable only from INIT (main before lambda.Start, init
//     functions, package-level initializers);
//   - code of goroutines that the handler starts and does not wait for
//     (with a WaitGroup, an errgroup or a channel receive);
//   - contexts derived from the handler's ctx or from r.Context() of an
//     adapter's request, and clients with a Timeout;
//   - a fresh context given only to config.LoadDefaultConfig of the AWS
//     SDK for Go v2 or to pgxpool.New, which make no network call with
//     it, or only to goroutines through WithCancel with its cancel func
//     called;
//   - the default in "if ctx == nil { ctx = context.TODO() }";
//   - fresh contexts made inside downloaded modules, such as the one a
//     validator's Struct passes to StructCtx, or a retry helper's
//     fallback: the library's users cannot change them. The library's
//     outbound calls without a context are still reported.
//
// Wrong: a stalled server holds the invocation until Lambda kills it,
//
//	resp, err := http.Get(url)
//
// Fix: pass the handler's ctx, or one derived from it:
//
//	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
//	defer cancel()
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//
// Suggested fixes replace context.Background() and context.TODO() with
// the handler's ctx, http.NewRequest with http.NewRequestWithContext and
// the database/sql and SDK v1 calls with their context forms, when a
// context.Context parameter is in scope under its own name.
package notimeout
