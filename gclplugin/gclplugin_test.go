package gclplugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	_ "github.com/lambdalint/lambdalint/gclplugin"
	"github.com/lambdalint/lambdalint/internal/checks"
)

func TestPluginPerCheck(t *testing.T) {
	for _, a := range checks.All {
		newPlugin, err := register.GetPlugin(a.Name)
		if err != nil {
			t.Errorf("no plugin for %s: %v", a.Name, err)
			continue
		}
		p, err := newPlugin(nil)
		if err != nil {
			t.Errorf("%s without settings: %v", a.Name, err)
			continue
		}
		if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
			t.Errorf("%s: load mode %q, want %q", a.Name, mode, register.LoadModeTypesInfo)
		}
		analyzers, err := p.BuildAnalyzers()
		if err != nil || len(analyzers) != 1 || analyzers[0].Name != a.Name {
			t.Errorf("%s: BuildAnalyzers() = %v, %v; want only the check itself", a.Name, analyzers, err)
		}
	}
}

func TestSettingsSetFlags(t *testing.T) {
	newPlugin, err := register.GetPlugin("initwork")
	if err != nil {
		t.Fatal(err)
	}
	_, err = newPlugin(map[string]any{
		"allow":         []any{"example.com/app/warm.Up", "net/http.Head"},
		"network-funcs": "example.com/app/vault.Read",
	})
	if err != nil {
		t.Fatalf("valid settings rejected: %v", err)
	}
	a := initworkAnalyzer(t)
	if got := a.Flags.Lookup("allow").Value.String(); got != "example.com/app/warm.Up,net/http.Head" {
		t.Errorf("allow = %q, want both functions", got)
	}
	if got := a.Flags.Lookup("network-funcs").Value.String(); got != "example.com/app/vault.Read" {
		t.Errorf("network-funcs = %q", got)
	}
	t.Cleanup(func() {
		_ = a.Flags.Set("allow", "")
		_ = a.Flags.Set("network-funcs", "")
	})
}

func TestUnknownSettingNamed(t *testing.T) {
	newPlugin, err := register.GetPlugin("initwork")
	if err != nil {
		t.Fatal(err)
	}
	_, err = newPlugin(map[string]any{"alow": "x"})
	if err == nil || !strings.Contains(err.Error(), `unknown setting "alow"`) {
		t.Errorf("misspelt setting: error %v, want one naming it", err)
	}
	if err != nil && !strings.Contains(err.Error(), "allow") {
		t.Errorf("error %v does not list the known settings", err)
	}

	newPlugin, err = register.GetPlugin("notimeout")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(map[string]any{"timeout": "1s"}); err == nil || !strings.Contains(err.Error(), "has no settings") {
		t.Errorf("setting for a check without settings: error %v", err)
	}
}

func TestInvalidSettingValue(t *testing.T) {
	newPlugin, err := register.GetPlugin("initwork")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(map[string]any{"allow": []any{1, 2}}); err == nil || !strings.Contains(err.Error(), "want a string") {
		t.Errorf("list of numbers: error %v, want an invalid value error", err)
	}
}

func initworkAnalyzer(t *testing.T) *analysis.Analyzer {
	t.Helper()
	for _, a := range checks.All {
		if a.Name == "initwork" {
			return a
		}
	}
	t.Fatal("no initwork check")
	return nil
}
