// Package dbpool defines an Analyzer that reports long-lived
// database/sql pools whose number of open connections has no limit.
//
// # Analyzer dbpool
//
// dbpool: report long-lived sql.DB pools without SetMaxOpenConns
//
// A *sql.DB opens as many connections as its callers ask for, because
// database/sql sets no limit by default. On Lambda each execution
// environment serves one invocation at a time but keeps its pool, with
// its idle connections, while it is frozen between invocations. A burst
// of traffic starts many environments, each with its own pool, and
// together they exhaust the database's connection limit ("Too many
// connections" on MySQL, "remaining connection slots are reserved" on
// PostgreSQL).
//
// dbpool reports the sql.Open or sql.OpenDB call of a long-lived pool
// on which SetMaxOpenConns is never called with a positive limit. A
// pool is long-lived when it is stored in a package-level variable or
// is returned by a func that sync.OnceValues wraps. It is also
// long-lived when main or an init function holds it, directly, in a
// struct they build, or captured by a handler func literal. The pool is followed
// through local variables, func literals, struct fields, the calls and
// returns of the package's functions, and the results of library calls
// that may wrap it. A call of SetMaxOpenConns on any access to a
// struct field that holds the pool counts. A pool that an exported
// function returns is judged in the packages that call it, and reported
// there at that call with the chain.
//
// Wrong:
//
//	func main() {
//		db, err := sql.Open("mysql", dsn) // reported
//		…
//		lambda.Start(newHandler(db))
//	}
//
// Right:
//
//	db, err := sql.Open("mysql", dsn)
//	…
//	db.SetMaxOpenConns(2)
//	db.SetMaxIdleConns(2)
//
// A small limit suits Lambda, because one environment runs one
// invocation at a time; size it from the database's connection limit
// divided by the function's concurrency.
//
// Not reported:
//
//   - a pool opened and dropped in one invocation, which clientreuse
//     reports;
//   - a pool passed to an interface method or a func value, kept in a
//     map or sent on a channel, or stored in an exported package-level
//     variable of a library package: code the analyzer does not follow
//     may set the limit;
//   - pgxpool pools, which have a default limit;
//   - sqlx.Open, gorm.Open and other libraries' openers, which are not
//     in the catalogue. When such a library is analysed from source, its
//     own sql.Open may still be followed through facts, but no test
//     covers that.
//
// The analyzer has no flags.
package dbpool
