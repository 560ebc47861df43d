package frozenwork_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/frozenwork"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestFrozenwork(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), frozenwork.Analyzer,
		"./afterresponse", "./joined", "./unjoined", "./groups", "./timers",
		"./initonly", "./once", "./chain/...", "./generic", "./lambdaurl", "./lazy", "./invoke", "./watchdog/...")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), frozenwork.Analyzer, "./limitations")
}
