package notimeout

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// The catalogue of outbound calls that cannot carry a context.

const awsV1Services = "github.com/aws/aws-sdk-go/service/"

// checkAPI reports a call of the standard library or of the AWS SDK for
// Go v1 that sends or waits with no deadline.
func (c *checker) checkAPI(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) (lambdamodel.LocalFault, bool) {
	const later = " keep the invocation waiting until it times out"
	args := call.Common().Args
	switch {
	case isFunc(callee, "net/http", "Get", "Head", "Post", "PostForm"):
		return c.fault(call, "http."+callee.Name()+" has no context and http.DefaultClient no timeout, so a stalled server can"+later), true

	case isMethod(callee, "net/http", "Client", "Get", "Head", "Post", "PostForm"):
		if c.clientBound(receiver(call)) == bounded {
			return lambdamodel.LocalFault{}, false // the client's Timeout ends the call
		}
		return c.fault(call, "(*http.Client)."+callee.Name()+" sends a request without the handler's context on a client with no Timeout, so a stalled server can"+later), true

	case isMethod(callee, "net/http", "Client", "Do") && len(args) == 2:
		if !builtWithoutContext(args[1], 0) || c.clientBound(args[0]) == bounded {
			return lambdamodel.LocalFault{}, false // the request or the client has a deadline
		}
		return c.fault(call, "(*http.Client).Do sends a request built by http.NewRequest without the handler's context, so a stalled server can"+later, c.fixNewRequest(fn, args[1])...), true

	case isMethod(callee, "net/http", "Transport", "RoundTrip") && len(args) == 2:
		if !builtWithoutContext(args[1], 0) {
			return lambdamodel.LocalFault{}, false // the request carries a context, or its origin is unknown
		}
		return c.fault(call, "(*http.Transport).RoundTrip sends a request built by http.NewRequest without the handler's context, so a stalled server can"+later, c.fixNewRequest(fn, args[1])...), true

	case isFunc(callee, "net", "Dial") || isFunc(callee, "crypto/tls", "Dial"):
		return c.fault(call, callee.Pkg().Name()+".Dial has no context and no timeout, so an unreachable host can"+later), true

	case isFunc(callee, "net", "LookupHost", "LookupIP", "LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupPort", "LookupSRV", "LookupTXT"):
		return c.fault(call, "net."+callee.Name()+" has no context, so a slow DNS server can"+later), true

	case isSQLWithoutContext(callee):
		twin := sqlTwin(callee.Name())
		return c.fault(call, apiName(callee)+" takes no context, so a slow database can"+later+" (use "+twin+")",
			c.fixContextTwin(fn, call, twin)...), true

	case isAWSv1WithoutContext(callee):
		return c.fault(call, apiName(callee)+" takes no context, so a slow AWS call can"+later+" (use "+callee.Name()+"WithContext)",
			c.fixContextTwin(fn, call, callee.Name()+"WithContext")...), true
	}
	return lambdamodel.LocalFault{}, false
}

// apiName names a function as its package's documentation does:
// http.Get, (*sql.DB).Query, s3iface.S3API.GetObject.
func apiName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		return lambdamodel.QualifiedName(fn)
	}
	n := analysisutil.NamedOf(recv.Type())
	if n == nil {
		return fn.Name()
	}
	name := n.Obj().Pkg().Name() + "." + n.Obj().Name()
	if _, ptr := recv.Type().(*types.Pointer); ptr {
		name = "(*" + name + ")"
	}
	return name + "." + fn.Name()
}

// receiver returns the receiver argument of a method call.
func receiver(call ssa.CallInstruction) ssa.Value {
	if args := call.Common().Args; len(args) > 0 {
		return args[0]
	}
	return nil
}

// isSQLWithoutContext reports whether fn is a method of database/sql's
// DB, Conn, Tx or Stmt that has a …Context twin.
func isSQLWithoutContext(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != "database/sql" {
		return false
	}
	switch fn.Name() {
	case "Query", "QueryRow", "Exec", "Ping", "Prepare", "Begin", "Stmt":
	default:
		return false
	}
	return analysisutil.HasMethod(recv.Type(), sqlTwin(fn.Name()))
}

// sqlTwin returns the name of the context form of a database/sql method.
func sqlTwin(name string) string {
	if name == "Begin" {
		return "BeginTx"
	}
	return name + "Context"
}

// isAWSv1WithoutContext reports whether fn is an operation of an AWS SDK
// for Go v1 service client, or of its interface in the …iface package,
// that has a …WithContext form.
func isAWSv1WithoutContext(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), awsV1Services) {
		return false
	}
	if strings.HasSuffix(fn.Name(), "WithContext") || strings.HasSuffix(fn.Name(), "Request") || analysisutil.NamedOf(recv.Type()) == nil {
		return false
	}
	return analysisutil.HasMethod(recv.Type(), fn.Name()+"WithContext")
}
