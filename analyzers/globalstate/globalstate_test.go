package globalstate_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/globalstate"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestGlobalstate(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), globalstate.Analyzer,
		"./appendslice", "./template", "./libstate", "./caches", "./mocked/...", "./forms", "./good", "./crosspkg/...", "./adapter", "./gcf", "./generic")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), globalstate.Analyzer, "./limitations")
}
