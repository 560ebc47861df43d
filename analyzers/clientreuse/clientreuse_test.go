package clientreuse_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/clientreuse"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestClientreuse(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), clientreuse.Analyzer,
		"./perinvocation", "./sdkclients", "./good", "./closes", "./chain/...", "./others")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), clientreuse.Analyzer, "./limitations")
}
