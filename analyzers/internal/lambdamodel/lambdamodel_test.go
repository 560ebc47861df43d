package lambdamodel_test

import (
	"go/types"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

// roots reports what the model finds, so that the want comments of the
// testdata describe the model: each handler at its registration, each
// function that handler code reaches and each function that runs
// during INIT.
var roots = &analysis.Analyzer{
	Name:     "roots",
	Doc:      "report the handlers and the INIT code that the model finds",
	Requires: []*analysis.Analyzer{lambdamodel.Analyzer},
	Run:      reportRoots,
}

func reportRoots(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[lambdamodel.Analyzer].(*lambdamodel.Model)
	if m.Skip {
		return nil, nil
	}
	for _, h := range m.Handlers {
		name := "?"
		if h.Local != nil {
			name = lambdamodel.Name(h.Local)
		} else if h.Foreign != nil {
			name = lambdamodel.QualifiedName(h.Foreign)
		}
		pass.Reportf(h.Pos, "handler %s %s", h.Kind, name)
	}
	all := func(lambdamodel.EdgeKind) bool { return true }
	for _, fn := range m.Reach(m.Handlers, all) {
		if fn.Synthetic == "" {
			pass.Reportf(lambdamodel.FuncPos(fn), "handler code: %s", lambdamodel.Name(fn))
		}
		for _, e := range m.Edges[fn] {
			if fn.Synthetic == "" && e.Foreign != nil && e.Foreign.Pkg() != nil && pass.Module != nil &&
				strings.HasPrefix(e.Foreign.Pkg().Path(), pass.Module.Path+"/") && !types.IsInterface(e.Foreign.Signature().Recv().Type()) {
				pass.Reportf(e.Pos, "handler calls %s", lambdamodel.QualifiedName(e.Foreign))
			}
		}
	}
	blocking := func(k lambdamodel.EdgeKind) bool { return k == lambdamodel.Call || k == lambdamodel.Defer }
	for _, fn := range m.Reach(m.Init, blocking) {
		if fn.Synthetic == "" && fn.Name() != "init" {
			pass.Reportf(lambdamodel.FuncPos(fn), "init code: %s", lambdamodel.Name(fn))
		}
	}
	return nil, nil
}

func TestModel(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roots,
		"./start", "./method", "./invoke", "./variants", "./annotated", "./gcf",
		"./adapter", "./frameworks/...", "./azure", "./notlambda", "./iface/...", "./generic", "./crosspkg/...", "./factory", "./wrapped", "./wrapsame", "./urlserve", "./algnhsa")
}

// TestDotlessModule checks a module whose path looks like the standard
// library's. The reachability of impl.Disk.Save is visible in the
// notimeout tests; here the handler and its INIT code must be found.
func TestDotlessModule(t *testing.T) {
	if err := testutil.DownloadModules("testdata-dotless"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, "testdata-dotless", roots, "./...")
}
