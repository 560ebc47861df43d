package tmpleak_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/tmpleak"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestTmpleak(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tmpleak.Analyzer,
		"./createtemp", "./fixedpath", "./forms", "./removal", "./cache", "./initonly", "./wrappers/...")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tmpleak.Analyzer, "./limitations/...")
}
