package notimeout_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/notimeout"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestNotimeout(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), notimeout.Analyzer,
		"./background", "./outbound", "./sqlcalls", "./goroutine", "./initonly",
		"./chain/...", "./adapter", "./gcf", "./awsv1", "./globalctx", "./netcalls",
		"./generic", "./annotated", "./good", "./served/...", "./libcontext")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), notimeout.Analyzer, "./limitations/...")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), notimeout.Analyzer, "./fixes", "./fixes/detached")
}
