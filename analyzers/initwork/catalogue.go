package initwork

import (
	"go/types"
	"strings"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"golang.org/x/tools/go/ssa"
)

// The catalogue of calls that make a network round trip.

const (
	awsV2Services = "github.com/aws/aws-sdk-go-v2/service/"
	awsV1Services = "github.com/aws/aws-sdk-go/service/"
	s3Manager     = "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	pgxPkg        = "github.com/jackc/pgx/v5"
	pgxPoolPkg    = "github.com/jackc/pgx/v5/pgxpool"
	redisPkg      = "github.com/redis/go-redis/v9"
	grpcPkg       = "google.golang.org/grpc"
	secretCache   = "github.com/aws/aws-secretsmanager-caching-go/secretcache"
)

// isNetwork reports whether a call of fn with the arguments of c makes a
// network round trip.
func (c *checker) isNetwork(fn *types.Func, call *ssa.CallCommon) bool {
	if c.extra[qualified(fn)] || c.extra[qualifiedMethod(fn)] {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	if isAWSv2Operation(fn) {
		return true
	}
	path, name := fn.Pkg().Path(), fn.Name()
	recv := receiverName(fn)
	switch {
	case path == "net/http":
		switch recv {
		case "":
			return oneOf(name, "Get", "Head", "Post", "PostForm")
		case "Client":
			return oneOf(name, "Get", "Head", "Post", "PostForm", "Do")
		case "Transport":
			return name == "RoundTrip"
		}
	case path == "net":
		switch recv {
		case "":
			return strings.HasPrefix(name, "Dial") || strings.HasPrefix(name, "Lookup")
		case "Dialer":
			return strings.HasPrefix(name, "Dial")
		case "Resolver":
			return strings.HasPrefix(name, "Lookup")
		}
	case path == "crypto/tls":
		return (recv == "" || recv == "Dialer") && strings.HasPrefix(name, "Dial")
	case path == "database/sql":
		return oneOf(recv, "DB", "Conn", "Tx", "Stmt") &&
			hasPrefix(name, "Ping", "Query", "Exec", "Begin", "Prepare") || recv == "DB" && name == "Conn"
	case path == pgxPkg:
		return recv == "" && strings.HasPrefix(name, "Connect") ||
			recv == "Conn" && hasPrefix(name, "Ping", "Query", "Exec", "Begin", "SendBatch", "CopyFrom", "Prepare")
	case path == pgxPoolPkg:
		return recv == "Pool" && hasPrefix(name, "Ping", "Query", "Exec", "Begin", "SendBatch", "CopyFrom", "Acquire")
	case path == redisPkg:
		return recv != "" && takesContext(fn)
	case strings.HasPrefix(path, "go.mongodb.org/mongo-driver/mongo") || strings.HasPrefix(path, "go.mongodb.org/mongo-driver/v2/mongo"):
		return recv != "" && takesContext(fn) && !oneOf(name, "Database", "Collection")
	case path == grpcPkg:
		return recv == "" && oneOf(name, "Dial", "DialContext") && hasWithBlock(call)
	case path == s3Manager:
		return oneOf(recv, "Uploader", "Downloader") && hasPrefix(name, "Upload", "Download")
	case path == secretCache:
		return recv == "Cache" && strings.HasPrefix(name, "Get")
	case strings.HasPrefix(path, awsV2Services):
		return strings.HasSuffix(recv, "Paginator") && name == "NextPage" ||
			strings.HasSuffix(recv, "Waiter") && strings.HasPrefix(name, "Wait")
	case strings.HasPrefix(path, awsV1Services):
		return isAWSv1Operation(fn)
	}
	return false
}

// isAWSv2Operation reports whether fn has the shape of an AWS SDK for Go
// v2 operation, (ctx, *XInput, ...func(*Options)) (*XOutput, error), with
// XInput declared in a service package. The receiver may be the
// service's client or an interface the program declares.
func isAWSv2Operation(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || sig.Params().Len() != 3 || !sig.Variadic() || sig.Results().Len() != 2 {
		return false
	}
	if !analysisutil.IsContext(sig.Params().At(0).Type()) {
		return false
	}
	in, ok := sig.Params().At(1).Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(in.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil &&
		strings.HasPrefix(named.Obj().Pkg().Path(), awsV2Services) &&
		strings.HasSuffix(named.Obj().Name(), "Input")
}

// isAWSv1Operation reports whether fn is an operation of an AWS SDK for
// Go v1 service client or interface: X with an XWithContext form, or
// XWithContext itself, paginated forms included.
func isAWSv1Operation(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	name := fn.Name()
	if strings.HasSuffix(name, "WithContext") {
		return true
	}
	return !strings.HasSuffix(name, "Request") && analysisutil.HasMethod(recv.Type(), name+"WithContext")
}

// hasWithBlock reports whether a grpc.Dial call is given
// grpc.WithBlock() among its options.
func hasWithBlock(call *ssa.CallCommon) bool {
	for _, arg := range call.Args {
		for _, v := range analysisutil.VariadicElems(arg) {
			opt, ok := v.(*ssa.Call)
			if !ok {
				continue
			}
			if f := analysisutil.Callee(opt.Common()); f != nil && f.Pkg() != nil && f.Pkg().Path() == grpcPkg && f.Name() == "WithBlock" {
				return true
			}
		}
	}
	return false
}

// receiverName returns the name of the type whose method fn is, or "".
func receiverName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if n := analysisutil.NamedOf(recv.Type()); n != nil {
		return n.Obj().Name()
	}
	return ""
}

// qualified returns path/to/pkg.Func or path/to/pkg.Type.Method.
func qualified(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	if recv := receiverName(fn); recv != "" {
		return fn.Pkg().Path() + "." + recv + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// qualifiedMethod returns (*path/to/pkg.Type).Method for a method with a
// pointer receiver, or "".
func qualifiedMethod(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		return ""
	}
	if _, ok := recv.Type().(*types.Pointer); !ok {
		return ""
	}
	return "(*" + fn.Pkg().Path() + "." + receiverName(fn) + ")." + fn.Name()
}

func takesContext(fn *types.Func) bool {
	params := fn.Signature().Params()
	return params.Len() > 0 && analysisutil.IsContext(params.At(0).Type())
}

func oneOf(s string, names ...string) bool {
	for _, n := range names {
		if s == n {
			return true
		}
	}
	return false
}

func hasPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
