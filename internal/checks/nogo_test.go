package checks_test

import (
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/lambdalint/lambdalint/internal/checks"
)

// forbidden lists the packages whose functions an analyzer must not
// call. Under Bazel's nogo an analyzer runs in a sandbox that holds only
// the package and the export data of its dependencies. There it may not
// read files other than through the pass, start processes, use the
// network or load packages.
var forbidden = []string{"os", "os/exec", "io/ioutil", "net", "net/http", "plugin", "syscall", "golang.org/x/tools/go/packages"}

// TestNogoSafe checks that the analyzer packages and their helpers call
// no function of the forbidden packages (constants and types, such as
// os.O_CREATE, are fine) and that go/packages is not among their
// dependencies.
func TestNogoSafe(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax | packages.NeedDeps | packages.NeedImports, Dir: "../.."}
	patterns := []string{"./analyzers/internal/..."}
	for _, a := range checks.All {
		patterns = append(patterns, "./analyzers/"+a.Name)
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the analyzer packages do not load")
	}
	var loaded []string
	for _, p := range pkgs {
		if strings.Contains(p.PkgPath, "/testdata/") {
			continue
		}
		loaded = append(loaded, p.PkgPath)
		for _, obj := range p.TypesInfo.Uses {
			fn, ok := obj.(*types.Func)
			if !ok || fn.Pkg() == nil || !slices.Contains(forbidden, fn.Pkg().Path()) {
				continue
			}
			pos := p.Fset.Position(obj.Pos())
			for id, o := range p.TypesInfo.Uses {
				if o == obj {
					pos = p.Fset.Position(id.Pos())
					break
				}
			}
			t.Errorf("%s: %s calls %s.%s, which nogo's sandbox does not allow", pos, p.PkgPath, fn.Pkg().Path(), fn.Name())
		}
		packages.Visit([]*packages.Package{p}, nil, func(dep *packages.Package) {
			if dep.PkgPath == "golang.org/x/tools/go/packages" {
				t.Errorf("%s depends on go/packages", p.PkgPath)
			}
		})
	}

	// Every analyzer of the suite is in its own package, which nogo needs.
	for _, a := range checks.All {
		want := "github.com/lambdalint/lambdalint/analyzers/" + a.Name
		if !slices.Contains(loaded, want) {
			t.Errorf("the analyzer %s is not in package %s", a.Name, want)
		}
	}
}
