package dbpool_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/dbpool"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestDbpool(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), dbpool.Analyzer, "./pools", "./shapes", "./crosspkg/...")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), dbpool.Analyzer, "./limitations")
}
