package handlerexit_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/handlerexit"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestHandlerexit(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), handlerexit.Analyzer,
		"./probe", "./loggers", "./chain/...", "./goroutine", "./served/...", "./values", "./annotated", "./routes", "./good")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), handlerexit.Analyzer, "./limitations")
}
