package handlersig_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/handlersig"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestHandlersig(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), handlersig.Analyzer,
		"./roles", "./shapes/...", "./events", "./generic", "./good")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), handlersig.Analyzer, "./limitations")
}
