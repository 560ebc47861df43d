// Package initwork defines an Analyzer that reports network round trips
// made during the INIT phase of a function.
//
// # Analyzer initwork
//
// initwork: report network calls that run during INIT, on every cold start
//
// Lambda runs a function's INIT code (package-level variable
// initializers, init functions and main up to lambda.Start) once per
// execution environment, serially, before the first event is served. A
// secret fetched, a database pinged or a configuration downloaded there
// delays every cold start, and INIT has a hard limit of 10 seconds: a
// slow dependency turns into failed cold starts and retries.
//
// initwork reports a call in INIT code that performs network I/O,
// directly or through any chain of calls, in any package. The finding is
// placed at the outermost call in INIT code, the one in the initializer,
// in init or in main, and names the chain down to the network call:
//
//	var apiKey = mustSecret("service/api-key")
//
//	... network call (*secretsmanager.Client).GetSecretValue runs during
//	INIT on every cold start ... (via mustSecret → secretValue)
//
// The network I/O of a package's own initialization is reported at its
// import in the package that registers the handler.
//
// Network I/O is recognised from a catalogue, by package, receiver type
// and name:
//
//   - net/http: Get, Head, Post, PostForm and Do, as functions and
//     *http.Client methods, and (*http.Transport).RoundTrip;
//   - net: the Dial and Lookup functions, *net.Dialer and *net.Resolver
//     methods, and crypto/tls Dial and DialWithDialer;
//   - database/sql: Ping, Query, QueryRow, Exec, Begin, Conn and Prepare
//     and their Context forms; sql.Open does not connect;
//   - github.com/jackc/pgx/v5: pgx.Connect and the methods of *pgx.Conn
//     and *pgxpool.Pool that talk to the server; pgxpool.New connects
//     lazily;
//   - github.com/redis/go-redis/v9: commands, that is methods taking a
//     context.Context; redis.NewClient does not connect;
//   - go.mongodb.org/mongo-driver (v1 and v2): methods of the mongo
//     package's types that take a context.Context, Ping included;
//   - google.golang.org/grpc: Dial and DialContext given
//     grpc.WithBlock();
//   - AWS SDK for Go v2: every method with the shape of a service
//     operation, (ctx, *XInput, ...func(*Options)) (*XOutput, error), on
//     a client or on an interface of the user's. Also the NextPage method
//     of paginators, the Wait methods of waiters, and the Upload and
//     Download methods of feature/s3/manager. config.LoadDefaultConfig
//     reads the environment on Lambda and NewFromConfig builds a client,
//     so neither is reported;
//   - AWS SDK for Go v1: service operations with or without
//     WithContext; session.NewSession does not connect;
//   - any function of the program that calls one of these, through
//     facts.
//
// Not reported: client constructors, func literals that are stored and
// run later (sync.OnceValues(func() …)), go statements, code after the
// call that starts serving, and code in a branch that runs only outside
// Lambda, guarded by os.Getenv("AWS_LAMBDA_FUNCTION_NAME") == "".
//
// Known false positives: the chain is followed whatever the arguments
// are. A library function that connects only when it is given an
// address, such as a parser that queries its database only when it is
// configured with a host, is reported even when the call gives none.
// Accept such a call with -initwork.allow.
//
// Wrong: every cold start waits for the secret before the first event,
//
//	var apiKey = mustFetchSecret(context.Background(), "service/api-key")
//
// Fix: fetch the value on first use and keep it,
//
//	var apiKey = sync.OnceValues(func() (string, error) {
//		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
//		defer cancel()
//		return fetchSecret(ctx, "service/api-key")
//	})
//
// or pass it in through the function's configuration (environment
// variables, a Lambda extension, or a parameter store layer).
//
// Flags:
//
//	-initwork.network-funcs  comma-separated functions to add to the
//	                         catalogue, as path/to/pkg.Func,
//	                         path/to/pkg.Type.Method or
//	                         (*path/to/pkg.Type).Method
//	-initwork.allow          comma-separated functions to accept, in the
//	                         same form: nothing is reported through a
//	                         call of one of them, in INIT code or in a
//	                         function it calls
package initwork
