// Package gclplugin registers each lambdalint check as a golangci-lint
// v2 module plugin of the same name, so that //nolint:initwork and
// --enable-only globalstate work by check name.
//
// A plugin's settings are the check's flags without the prefix: the
// settings of the initwork plugin may set allow and network-funcs. A
// list is given as a YAML list or as a comma-separated string. An
// unknown setting is an error that names it.
package gclplugin

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/internal/checks"
)

func init() {
	for _, a := range checks.All {
		register.Plugin(a.Name, newPlugin(a))
	}
}

// plugin is one check as a golangci-lint plugin.
type plugin struct {
	analyzer *analysis.Analyzer
}

func (p plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{withoutRelated(p.analyzer)}, nil
}

// withoutRelated returns a copy of a that reports its diagnostics
// without related information. golangci-lint turns each related
// position into an issue of its own, which would double the count; the
// chain stays in the message.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &b
}

func (p plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// newPlugin returns the constructor that golangci-lint calls with the
// plugin's settings.
func newPlugin(a *analysis.Analyzer) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		settings, err := register.DecodeSettings[map[string]any](conf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Name, err)
		}
		names := make([]string, 0, len(settings))
		for name := range settings {
			names = append(names, name)
		}
		slices.Sort(names) // report the first unknown setting in a stable order
		for _, name := range names {
			if err := setFlag(a, name, settings[name]); err != nil {
				return nil, err
			}
		}
		return plugin{analyzer: a}, nil
	}
}

// setFlag sets the flag of a named by a setting.
func setFlag(a *analysis.Analyzer, name string, value any) error {
	f := a.Flags.Lookup(name)
	if f == nil {
		var known []string
		a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		if len(known) == 0 {
			return fmt.Errorf("%s: unknown setting %q: the check has no settings", a.Name, name)
		}
		return fmt.Errorf("%s: unknown setting %q: known settings are %s", a.Name, name, strings.Join(known, ", "))
	}
	text, err := flagText(value)
	if err != nil {
		return fmt.Errorf("%s: setting %q: %w", a.Name, name, err)
	}
	if err := f.Value.Set(text); err != nil {
		return fmt.Errorf("%s: setting %q: %w", a.Name, name, err)
	}
	return nil
}

// flagText turns a setting's value into the text of a flag.
func flagText(value any) (string, error) {
	switch v := value.(type) {
	case string:
		return v, nil
	case bool, float64:
		return fmt.Sprint(v), nil
	case []any:
		parts := make([]string, len(v))
		for i, item := range v {
			s, ok := item.(string)
			if !ok {
				return "", fmt.Errorf("invalid list item %v: want a string", item)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	}
	return "", fmt.Errorf("invalid value %v: want a string, a list of strings, a number or a bool", value)
}
