package clientreuse

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// kind is what a constructor builds, which decides the wording of the
// message and whether closing the result settles it.
type kind int

const (
	kindClient  kind = iota // an SDK or redis client
	kindPool                // a connection pool: database/sql, pgxpool, http.Transport
	kindConfig              // the AWS SDK v2 configuration
	kindSession             // an AWS SDK v1 session
	kindConn                // a single connection, fine per invocation when closed
	numKinds
)

// action describes what a constructor of the kind does, for messages.
func (k kind) action() string {
	switch k {
	case kindPool:
		return "builds a connection pool"
	case kindConfig:
		return "loads the AWS configuration"
	case kindSession:
		return "builds an AWS session"
	case kindConn:
		return "opens a connection"
	}
	return "builds a client"
}

// remedy returns what to write instead, for messages.
func (k kind) remedy() string {
	switch k {
	case kindConfig:
		return "load it once during INIT or lazily with sync.OnceValues so warm invocations reuse the resolved credentials"
	case kindSession:
		return "create it once during INIT or lazily with sync.OnceValues so warm invocations reuse its credentials and connections"
	case kindConn:
		return "close it before the handler returns, or open a pool once during INIT so warm invocations reuse it"
	}
	return "create it once during INIT or lazily with sync.OnceValues so warm invocations reuse its connections"
}

// constructor describes a call that builds a long-lived client.
type constructor struct {
	Name string // as messages name it: "s3.NewFromConfig", "sql.Open"
	Kind kind
}

const (
	sdkV2Service = "github.com/aws/aws-sdk-go-v2/service/"
	sdkV1Service = "github.com/aws/aws-sdk-go/service/"
	sdkV1Session = "github.com/aws/aws-sdk-go/aws/session"
	sdkV2Config  = "github.com/aws/aws-sdk-go-v2/config"
)

// packageCtors lists the constructors matched by package path and
// function name.
var packageCtors = map[string]map[string]kind{
	"database/sql":                    {"Open": kindPool, "OpenDB": kindPool},
	sdkV2Config:                       {"LoadDefaultConfig": kindConfig},
	sdkV1Session:                      {"NewSession": kindSession, "NewSessionWithOptions": kindSession, "New": kindSession},
	"github.com/jackc/pgx/v5/pgxpool": {"New": kindPool, "NewWithConfig": kindPool},
	"github.com/jackc/pgx/v4/pgxpool": {"Connect": kindPool, "ConnectConfig": kindPool},
	"github.com/jackc/pgx/v5":         {"Connect": kindConn, "ConnectConfig": kindConn},
	"github.com/jackc/pgx/v4":         {"Connect": kindConn, "ConnectConfig": kindConn},
	"github.com/redis/go-redis/v9":    redisCtors,
	"github.com/go-redis/redis/v8":    redisCtors,
}

var redisCtors = map[string]kind{
	"NewClient":                kindClient,
	"NewClusterClient":         kindClient,
	"NewFailoverClient":        kindClient,
	"NewFailoverClusterClient": kindClient,
	"NewRing":                  kindClient,
	"NewUniversalClient":       kindClient,
}

// catalogueCtor classifies a call of fn as a client constructor.
func catalogueCtor(fn *types.Func) (constructor, bool) {
	if fn == nil || fn.Pkg() == nil {
		return constructor{}, false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig := fn.Signature()
	if sig.Recv() != nil {
		// (*http.Transport).Clone builds a new, empty connection pool.
		if path == "net/http" && name == "Clone" && analysisutil.IsNamed(sig.Recv().Type(), "net/http", "Transport") {
			return constructor{Name: "http.Transport.Clone", Kind: kindPool}, true
		}
		return constructor{}, false // operations and other methods
	}
	qualified := fn.Pkg().Name() + "." + name
	if k, ok := packageCtors[path][name]; ok {
		return constructor{Name: qualified, Kind: k}, true
	}
	switch {
	case strings.HasPrefix(path, sdkV2Service) && (name == "NewFromConfig" || name == "New"):
		// The service client, not a presign client or a paginator.
		if returnsOwnType(sig, fn.Pkg(), "Client") {
			return constructor{Name: qualified, Kind: kindClient}, true
		}
	case strings.HasPrefix(path, sdkV1Service) && name == "New":
		if returnsOwnType(sig, fn.Pkg(), "") {
			return constructor{Name: qualified, Kind: kindClient}, true
		}
	}
	return constructor{}, false
}

// returnsOwnType reports whether the first result of sig is a pointer
// to a named type of pkg, named typeName unless that is empty.
func returnsOwnType(sig *types.Signature, pkg *types.Package, typeName string) bool {
	if sig.Results().Len() == 0 {
		return false
	}
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	n := analysisutil.NamedOf(ptr.Elem())
	return n != nil && n.Obj().Pkg() == pkg && (typeName == "" || n.Obj().Name() == typeName)
}

// transportAlloc reports whether v allocates an http.Transport, as
// &http.Transport{…} and new(http.Transport) do: each has its own
// connection pool.
func transportAlloc(v ssa.Value) bool {
	alloc, ok := v.(*ssa.Alloc)
	return ok && alloc.Heap && analysisutil.IsNamed(alloc.Type(), "net/http", "Transport")
}

// closePkgs are the packages whose Close method shuts a long-lived
// client down for good. (*http.Client).CloseIdleConnections and
// (*http.Transport).CloseIdleConnections only drop idle connections and
// are not listed.
var closePkgs = map[string]bool{
	"database/sql":                    true,
	"github.com/jackc/pgx/v5/pgxpool": true,
	"github.com/jackc/pgx/v4/pgxpool": true,
	"github.com/jackc/pgx/v5":         true,
	"github.com/jackc/pgx/v4":         true,
	"github.com/redis/go-redis/v9":    true,
	"github.com/go-redis/redis/v8":    true,
}

// isClientClose reports whether fn closes a long-lived client:
// (*sql.DB).Close, (*pgxpool.Pool).Close, (*pgx.Conn).Close and the
// Close methods of go-redis clients, promoted ones and the
// UniversalClient interface included.
func isClientClose(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != "Close" || fn.Signature().Recv() == nil {
		return false
	}
	path := fn.Pkg().Path()
	if !closePkgs[path] {
		return false
	}
	recv := fn.Signature().Recv().Type()
	switch {
	case path == "database/sql":
		// Conn, Rows and Stmt also have Close, but only DB owns the pool.
		return analysisutil.IsNamed(recv, path, "DB")
	case strings.HasSuffix(path, "/pgxpool"):
		return analysisutil.IsNamed(recv, path, "Pool")
	case strings.HasPrefix(path, "github.com/jackc/pgx/"):
		return analysisutil.IsNamed(recv, path, "Conn")
	}
	// go-redis: clients, rings and the unexported base client they
	// embed, but not Pipeline, Tx or PubSub.
	n := analysisutil.NamedOf(recv)
	if n == nil {
		return false
	}
	switch n.Obj().Name() {
	case "Client", "ClusterClient", "Ring", "UniversalClient", "baseClient":
		return true
	}
	return false
}

// keepsArgument reports whether a call of fn stores its arguments in
// its receiver for later: sync.Map and the sync/atomic containers.
func keepsArgument(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "sync":
		if !analysisutil.IsNamed(fn.Signature().Recv().Type(), "sync", "Map") {
			return false
		}
		switch fn.Name() {
		case "Store", "LoadOrStore", "Swap", "CompareAndSwap":
			return true
		}
	case "sync/atomic":
		switch fn.Name() {
		case "Store", "Swap", "CompareAndSwap":
			return true
		}
	}
	return false
}
