// Package frozenwork defines an Analyzer that reports goroutines and
// timers that handler code leaves running when the handler returns.
//
// # Analyzer frozenwork
//
// frozenwork: report goroutines and timers that outlive the handler's return
//
// Lambda freezes the execution environment as soon as the handler
// returns its response. No goroutine runs and no timer fires until the
// next invocation thaws the environment, and an environment that gets
// no further invocation is shut down with the work unfinished. A
// goroutine that the handler starts and does not wait for therefore
// stops mid-flight, so a sweep leaves rows half updated or a buffered
// write is lost. The goroutine resumes in a later, unrelated
// invocation, with stale data and a context that may have expired.
//
// frozenwork reports, in code reachable from a handler:
//
//   - a go statement whose goroutine is not joined before the function
//     that starts it returns;
//   - (*sync.WaitGroup).Go, and Go and TryGo of
//     golang.org/x/sync/errgroup.Group, when the group is not waited
//     for;
//   - time.AfterFunc, unless its func is waited for or the returned
//     Timer is stopped on every path to a return (a deferred Stop
//     counts for all of them);
//   - time.NewTicker without a call of Stop, time.NewTimer without a
//     call of Stop or a receive from its channel C, and time.Tick,
//     whose ticker cannot be stopped.
//
// A goroutine counts as joined when it signals its end and the function
// that starts it waits afterwards. The signal is WaitGroup.Done, a send
// on a channel, a close or a call of a context's cancel func, in the
// goroutine's own body or in a function it calls. The wait is Wait of a
// WaitGroup or an errgroup, a channel receive, a range over a channel
// or a select, or one of those deferred. A goroutine also counts as
// joined when the WaitGroup or channel that it signals comes from the
// starting function's caller or is passed on, since the caller may wait
// for it. A handler's own parameters and captured variables do not
// count, because the Lambda runtime never waits on them.
//
// Handler code is everything reachable from a handler: the function
// passed to lambda.Start and its kin, route handlers served through an
// aws-lambda-go-api-proxy adapter or lambdaurl, functions-framework-go
// functions, Azure custom handlers, and functions marked
// //lambdalint:handler. When the goroutine starts in another package,
// the finding is placed at the call in the handler's package that leads
// to it and names the chain: "goroutine started in handler code is not
// joined … (via audit.Record → audit.write)".
//
// Wrong: the sweep is frozen with the environment.
//
//	func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
//		items, err := db.list(ctx)
//		...
//		go expireStale(context.Background(), items)
//		return respond(items)
//	}
//
// Right: finish the work before returning, bounded by the invocation's
// deadline.
//
//	var wg sync.WaitGroup
//	wg.Go(func() { expireStale(ctx, items) })
//	...
//	wg.Wait()
//	return respond(items)
//
// Work that must not delay the response belongs in another function:
// send it to a queue (SQS, EventBridge) or invoke a function
// asynchronously. Stop a ticker or a timer with defer t.Stop().
//
// Not reported:
//
//   - goroutines and timers started in INIT code (package-level
//     initializers, init functions, main before lambda.Start), such as a
//     server that main runs with go http.ListenAndServe, or by a handler
//     factory before it returns the handler;
//   - goroutines and timers started by a func given to sync.Once.Do,
//     sync.OnceFunc, sync.OnceValue or sync.OnceValues, and those
//     started by a call whose result is kept in a package-level
//     variable, as in client = newClient() on first use: they serve
//     every later invocation, like background workers started in INIT;
//   - a goroutine that writes to an io.PipeWriter, such as the body of a
//     streamed response, which is read until the writer is closed;
//   - a goroutine handed a channel that the starting function closes in
//     a defer, such as a watchdog that returns when the handler is done;
//   - a goroutine that waits on the Done channel of a context that ends
//     with the starting function: one of its context parameters (the
//     handler's ctx, which aws-lambda-go cancels when the invocation
//     ends), or one derived in the function whose cancel func it defers,
//     such as a periodic flush or a health check;
//   - goroutines and timers that the code of downloaded modules starts,
//     such as a client's batcher: their users cannot change them;
//   - the code of a goroutine that is itself reported;
//   - time.After, whose timer runs no code of its own;
//   - a ticker or timer that is returned, stored outside the function or
//     passed to another function, which owns it from then on. One that a
//     goroutine started by the function reads is still reported.
//
// Known false negatives: the check does not match a wait to the
// goroutine it is for. A wait for one goroutine also joins the others
// that signal in the same function, and a select that gives up on a
// timeout counts as a wait, and so does a wait that an early return
// skips. A WaitGroup or channel handed to a function
// by its caller counts as waited for without checking that the caller
// waits, and a context parameter counts as cancelled when the function
// returns without checking what the caller passes. A library that
// sends asynchronously and must be flushed before the handler returns
// is not reported.
package frozenwork
