package initwork_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/initwork"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, "testdata"))
}

func TestInitwork(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), initwork.Analyzer,
		"./secrets", "./mainprefix", "./chain/...", "./libinit/...", "./families", "./iface", "./lazy")
}

func TestLimitations(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), initwork.Analyzer, "./limitations")
}

func TestFlags(t *testing.T) {
	setFlag(t, "network-funcs", "(*example.test/initwork/flags.vault).Read")
	setFlag(t, "allow", "example.test/initwork/flags.warmUp,net/http.Head")
	analysistest.Run(t, analysistest.TestData(), initwork.Analyzer, "./flags")
}

// setFlag sets a flag of the analyzer for one test and restores it.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := initwork.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag -%s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatalf("set -%s=%s: %v", name, value, err)
	}
	t.Cleanup(func() {
		if err := f.Value.Set(old); err != nil {
			t.Errorf("restore -%s: %v", name, err)
		}
	})
}
