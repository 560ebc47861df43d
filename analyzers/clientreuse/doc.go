// Package clientreuse defines an Analyzer that reports clients built on
// every invocation and shared clients closed by handler code.
//
// # Analyzer clientreuse
//
// clientreuse: report clients built per invocation and shared clients closed in handlers
//
// Lambda keeps an execution environment warm between invocations, and
// everything that INIT code built survives: SDK clients with their
// resolved credentials, database pools with their open connections,
// HTTP transports with their idle TLS connections. A client built inside
// the handler throws that away. Every warm invocation then pays for the
// configuration lookup and new TCP and TLS handshakes again, and the
// database receives a new pool, with new connections, per invocation.
// Closing a client that INIT built is worse: the next invocation on the
// same environment finds it closed and fails.
//
// clientreuse reports, in code reachable from a handler:
//
//   - a client constructor whose result is not kept for reuse:
//     config.LoadDefaultConfig, NewFromConfig and New of the AWS SDK for
//     Go v2 service packages, session.NewSession, session.New and the
//     service New functions of the AWS SDK for Go v1, sql.Open and
//     sql.OpenDB, pgxpool.New and pgxpool.NewWithConfig, the client
//     constructors of go-redis (NewClient, NewClusterClient and their
//     kin), and an http.Transport built with &http.Transport{…},
//     new(http.Transport) or Clone;
//   - pgx.Connect and pgx.ConnectConfig, a single connection, only when
//     nothing closes the connection: one connection per invocation that
//     is closed before the handler returns is a deliberate design, as
//     behind RDS Proxy;
//   - Close of a *sql.DB, *pgxpool.Pool, *pgx.Conn or go-redis client
//     that comes from a package-level variable, or that main or init
//     built and the handler captured or was bound to.
//
// A result counts as kept when it is stored in a package-level variable
// (directly, in a field, in a map or in a sync.Map), in a variable that
// a func literal captured, in a field of a parameter, or when it is
// returned from a func literal run by sync.Once or wrapped by
// sync.OnceValue or sync.OnceValues. A client that a function returns is
// judged where that function is called, so a constructor helper called
// from main is silent and the same helper called from the handler is
// reported at that call. A client built in another package is reported
// at the call in the handler's package that leads to it, with the chain
// of calls.
//
// Wrong:
//
//	func handler(ctx context.Context, ev events.S3Event) error {
//		cfg, err := config.LoadDefaultConfig(ctx) // reported
//		if err != nil {
//			return err
//		}
//		client := s3.NewFromConfig(cfg) // reported
//		…
//	}
//
// Right:
//
//	var client = sync.OnceValues(func() (*s3.Client, error) {
//		cfg, err := config.LoadDefaultConfig(context.Background())
//		if err != nil {
//			return nil, err
//		}
//		return s3.NewFromConfig(cfg), nil
//	})
//
// or a package-level client that main sets before lambda.Start.
//
// Not reported:
//
//   - clients built in INIT code, in code that only INIT code reaches,
//     and in funcs that sync.Once runs;
//   - defer db.Close() after a sql.Open in the same invocation: the
//     finding is the sql.Open;
//   - per-call options such as
//     client.GetObject(ctx, in, func(o *s3.Options) { o.Region = r }),
//     which configure one request and build no client;
//   - (*http.Client).CloseIdleConnections and
//     (*http.Transport).CloseIdleConnections, which close idle
//     connections only;
//   - an http.Client without a Transport of its own: it shares
//     http.DefaultTransport.
//
// The analyzer has no flags.
package clientreuse
