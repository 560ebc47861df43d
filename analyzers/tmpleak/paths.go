package tmpleak

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/analysisutil"
)

// pathKind classifies a path.
type pathKind int

const (
	elsewhere pathKind = iota // not under the temporary directory, or unknown
	fixedPath                 // under /tmp, the same in every invocation
	builtPath                 // under /tmp, built at run time
	inTempDir                 // under a directory from os.MkdirTemp
)

// path is the classification of a path value.
type path struct {
	kind pathKind
	text string    // the path as far as it is known, such as "/tmp/out.json"
	dir  *ssa.Call // the os.MkdirTemp call, for inTempDir
}

// classify returns where the string value v points.
func classify(v ssa.Value, depth int) path {
	if depth > 8 {
		return path{}
	}
	switch x := v.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			if s := constant.StringVal(x.Value); s == "/tmp" || strings.HasPrefix(s, "/tmp/") {
				return path{kind: fixedPath, text: s}
			}
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return join(classify(x.X, depth+1), x.Y, false)
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && isTempCreator(call, "MkdirTemp", "TempDir") {
			return path{kind: inTempDir, text: "a directory from os.MkdirTemp", dir: call}
		}
	case *ssa.Call:
		return classifyCall(x, depth)
	}
	return path{}
}

// classifyCall returns where the path that a call returns points.
func classifyCall(call *ssa.Call, depth int) path {
	callee := analysisutil.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil {
		return path{}
	}
	args := call.Common().Args
	switch p, name := callee.Pkg().Path(), callee.Name(); {
	case p == "os" && name == "TempDir":
		return path{kind: fixedPath, text: "/tmp"}
	case (p == "path/filepath" || p == "path") && name == "Join" && len(args) == 1:
		parts := analysisutil.VariadicElems(args[0])
		if len(parts) == 0 {
			return path{}
		}
		base := classify(parts[0], depth+1)
		for _, part := range parts[1:] {
			base = join(base, part, true)
			base.text = strings.Replace(base.text, "//", "/", 1)
		}
		return base
	case p == "fmt" && name == "Sprintf" && len(args) == 2:
		format := classify(args[0], depth+1)
		if format.kind == fixedPath && len(analysisutil.VariadicElems(args[1])) > 0 && strings.Contains(format.text, "%") {
			return path{kind: builtPath, text: format.text}
		}
		return format
	}
	return path{}
}

// join extends a path with a part, as a path element (filepath.Join)
// or as text (concatenation).
func join(base path, part ssa.Value, element bool) path {
	if base.kind == elsewhere {
		return base
	}
	sep := ""
	if element && !strings.HasSuffix(base.text, "/") {
		sep = "/"
	}
	if k, ok := part.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
		text := constant.StringVal(k.Value)
		if element {
			text = strings.TrimPrefix(text, "/")
		}
		base.text += sep + text
		return base
	}
	if base.kind == fixedPath {
		base.kind = builtPath
	}
	base.text += sep + "…"
	return base
}

// isTempCreator reports whether call is os.CreateTemp or os.MkdirTemp
// (or the io/ioutil form) under the temporary directory: with "" as the
// directory, or a directory under /tmp.
func isTempCreator(call *ssa.Call, names ...string) bool {
	callee := analysisutil.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil {
		return false
	}
	p := callee.Pkg().Path()
	if p != "os" && p != "io/ioutil" {
		return false
	}
	match := false
	for _, n := range names {
		match = match || callee.Name() == n
	}
	args := call.Common().Args
	if !match || len(args) == 0 {
		return false
	}
	if k, ok := args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "" {
		return true // the default temporary directory
	}
	return classify(args[0], 0).kind == fixedPath
}
