package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	suite "github.com/lambdalint/lambdalint/internal/checks"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

// bin is the lambdalint binary that TestMain builds.
var bin string

// example is the bundled example module.
var example = filepath.Join("..", "..", "testdata", "example")

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "lambdalint-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "lambdalint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build failed: %v\n%s", err, out)
		return 1
	}
	return testutil.MainWithModules(m.Run, example)
}

// lambdalint runs the binary in dir and returns its standard output,
// standard error and exit status.
func lambdalint(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return command(t, dir, bin, args...)
}

func command(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("running %s failed: %v", name, err)
	}
	return out.String(), errOut.String(), code
}

// marker is a line of the example that a check must report.
var marker = regexp.MustCompile(`// lambdalint: (\w+)`)

// expectedFindings returns "file:line check" for every marker of a
// registered check in the example module.
func expectedFindings(t *testing.T, checks []string) []string {
	t.Helper()
	var want []string
	err := filepath.WalkDir(example, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(example, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if m := marker.FindStringSubmatch(sc.Text()); m != nil && slices.Contains(checks, m[1]) {
				want = append(want, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), line, m[1]))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	return want
}

// jsonFindings parses the -json output of the driver into
// "file:line check" entries relative to dir.
func jsonFindings(t *testing.T, dir, out string) []string {
	t.Helper()
	type diagnostic struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	absDir, _ := filepath.Abs(dir)
	var got []string
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("invalid -json output: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var diags []diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %s reported an error: %s", pkg, analyzer, raw)
				}
				for _, d := range diags {
					file, line := splitPosn(d.Posn)
					rel, err := filepath.Rel(absDir, file)
					if err != nil {
						rel = file
					}
					got = append(got, fmt.Sprintf("%s:%s %s", filepath.ToSlash(rel), line, analyzer))
				}
			}
		}
	}
	slices.Sort(got)
	return slices.Compact(got)
}

// splitPosn splits "file:line:col" into the file and the line.
func splitPosn(posn string) (file, line string) {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return posn, ""
	}
	return strings.Join(parts[:len(parts)-2], ":"), parts[len(parts)-2]
}

// checks are the names of the suite's checks.
var checks = func() []string {
	var names []string
	for _, a := range suite.All {
		names = append(names, a.Name)
	}
	return names
}()

func TestExampleFindings(t *testing.T) {
	out, stderr, code := lambdalint(t, example, "-json", "./...")
	if code != 0 {
		t.Fatalf("lambdalint -json exited with %d; stderr:\n%s", code, stderr)
	}
	got := jsonFindings(t, example, out)
	want := expectedFindings(t, checks)
	if len(want) == 0 {
		t.Fatal("the example has no markers for the registered checks")
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings differ from the example's markers\ngot:\n  %s\nwant:\n  %s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestExitStatusFindings(t *testing.T) {
	_, stderr, code := lambdalint(t, example, "./...")
	if code != 3 {
		t.Errorf("exit status on findings = %d, want 3", code)
	}
	if !strings.Contains(stderr, "context.Background() drops the handler's deadline, so calls made with it keep running until the invocation times out (notimeout)") {
		t.Errorf("text output lacks the Background finding with its check's name:\n%s", stderr)
	}
	if strings.Count(stderr, "drops the handler's deadline, so calls made with it keep running until the invocation times out (notimeout)\n") != 1 {
		t.Errorf("text output repeats the finding of the package's test variant:\n%s", stderr)
	}
}

func TestExitStatusClean(t *testing.T) {
	_, stderr, code := lambdalint(t, example, "./internal/...")
	if code != 0 {
		t.Errorf("exit status on clean packages = %d, want 0; stderr:\n%s", code, stderr)
	}
}

func TestDisableAnalyzer(t *testing.T) {
	_, stderr, code := lambdalint(t, example, "-notimeout=false", "./...")
	if code != 3 {
		t.Errorf("-notimeout=false: exit status %d, want 3 for the initwork finding", code)
	}
	if strings.Contains(stderr, "drops the handler's deadline") {
		t.Errorf("-notimeout=false still reports notimeout findings:\n%s", stderr)
	}
	if !strings.Contains(stderr, "runs during INIT") {
		t.Errorf("-notimeout=false lost the initwork finding:\n%s", stderr)
	}

	off := []string{}
	for _, c := range checks {
		off = append(off, "-"+c+"=false")
	}
	_, stderr, code = lambdalint(t, example, append(off, "./...")...)
	if code != 0 || stderr != "" {
		t.Errorf("all checks disabled: exit status %d, stderr:\n%s", code, stderr)
	}
}

func TestSelectAnalyzer(t *testing.T) {
	_, stderr, code := lambdalint(t, example, "-initwork", "./...")
	if code != 3 {
		t.Errorf("-initwork: exit status %d, want 3", code)
	}
	if strings.Contains(stderr, "drops the handler's deadline") || !strings.Contains(stderr, "runs during INIT") {
		t.Errorf("-initwork should report initwork findings only:\n%s", stderr)
	}
}

func TestTypeError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.test/broken\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "broken.go"), "package broken\n\nfunc f() int { return \"x\" }\n")

	_, stderr, code := lambdalint(t, dir, "./...")
	if code != 1 {
		t.Errorf("exit status on a type error = %d, want 1", code)
	}
	if !strings.Contains(stderr, "broken.go:3:23: cannot use") {
		t.Errorf("stderr does not show the type error:\n%s", stderr)
	}
	if !strings.Contains(stderr, "lambdalint: example.test/broken was not analysed because it could not be loaded or does not type-check") {
		t.Errorf("stderr does not name the package:\n%s", stderr)
	}
	if strings.Contains(stderr, "failed prerequisites") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr has driver noise or a panic:\n%s", stderr)
	}
}

func TestHelp(t *testing.T) {
	out, stderr, code := lambdalint(t, ".", "help", "notimeout")
	text := out + stderr
	if code != 0 {
		t.Errorf("help exited with %d", code)
	}
	if !strings.Contains(text, "notimeout: report outbound calls in handler code") {
		t.Errorf("help notimeout lacks the summary line:\n%s", text)
	}
	if !strings.Contains(text, "Suggested fixes replace context.Background()") {
		t.Errorf("help notimeout lacks the body of the documentation:\n%s", text)
	}
}

// TestVetTool runs lambdalint under go vet, which encodes the facts
// between packages with gob: the cross-package findings prove that
// the fact types can be encoded.
func TestVetTool(t *testing.T) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := command(t, example, "go", "vet", "-vettool="+abs, "./...")
	if code == 0 {
		t.Fatalf("go vet found nothing in the example; stderr:\n%s", stderr)
	}
	for _, want := range []string{
		"cmd/orders-api/main.go:172:15: http.Get has no context",
		"(via rates.Fetch)",
		"cmd/orders-api/main.go:179:27: (*sql.DB).Query takes no context",
		"cmd/receipts/main.go:183:15: (*http.Client).Do sends a request built by http.NewRequest",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("go vet output lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "gob") || strings.Contains(stderr, "panic") {
		t.Errorf("go vet failed to encode facts:\n%s", stderr)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHelpIntro(t *testing.T) {
	out, _, code := lambdalint(t, ".", "help")
	if code != 0 {
		t.Errorf("help exited with %d", code)
	}
	if !strings.HasPrefix(out, "lambdalint finds faults in Go code") {
		t.Errorf("help does not start with lambdalint's introduction:\n%s", out)
	}
	if strings.Contains(out, "Printf") {
		t.Errorf("help still has the driver's generic introduction:\n%s", out)
	}
	if !strings.Contains(out, "notimeout    report outbound calls") {
		t.Errorf("help does not list the checks:\n%s", out)
	}
}

func TestTagsFlag(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.test/tagged\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "prod.go"), `//go:build prod

package tagged

import "net"

// Resolve is a handler of an in-house framework.
//
//lambdalint:handler
func Resolve(host string) ([]string, error) { return net.LookupHost(host) }
`)
	write(t, filepath.Join(dir, "dev.go"), "//go:build !prod\n\npackage tagged\n")

	if _, stderr, code := lambdalint(t, dir, "./..."); code != 0 {
		t.Errorf("without -tags: exit status %d, want 0; stderr:\n%s", code, stderr)
	}
	_, stderr, code := lambdalint(t, dir, "-tags=prod", "./...")
	if code != 3 {
		t.Errorf("with -tags=prod: exit status %d, want 3; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "net.LookupHost has no context") {
		t.Errorf("with -tags=prod: the finding in prod.go is missing:\n%s", stderr)
	}
}

// TestOddInput checks that input the analyzers cannot use ends in a
// clear error and exit status 1, and that unusual but valid code
// (generics, a very large file) is analysed without error.
func TestOddInput(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.test/odd\n\ngo 1.26\n")
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "cgo"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "cgo", "c.go"), "package cgo\n\n// int one() { return 1; }\nimport \"C\"\n\nfunc One() int { return int(C.one()) }\n")
	if err := os.MkdirAll(filepath.Join(dir, "generic"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "generic", "g.go"), `package generic

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }
`)
	if err := os.MkdirAll(filepath.Join(dir, "huge"), 0o755); err != nil {
		t.Fatal(err)
	}
	var huge strings.Builder
	huge.WriteString("package huge\n\nvar table = map[int]string{\n")
	for i := range 50000 {
		fmt.Fprintf(&huge, "\t%d: \"value %d\",\n", i, i)
	}
	huge.WriteString("}\n\nfunc Lookup(i int) string { return table[i] }\n")
	write(t, filepath.Join(dir, "huge", "huge.go"), huge.String())
	if err := os.MkdirAll(filepath.Join(dir, "generated"), 0o755); err != nil {
		t.Fatal(err)
	}
	var gen strings.Builder
	gen.WriteString("// Code generated by a table generator. DO NOT EDIT.\n\npackage generated\n\nimport \"net/http\"\n\n")
	for i := range 12500 {
		fmt.Fprintf(&gen, "func F%d() error {\n\t_, err := http.Get(\"http://127.0.0.1/%d\")\n\treturn err\n}\n", i, i)
	}
	write(t, filepath.Join(dir, "generated", "gen.go"), gen.String())
	if err := os.MkdirAll(filepath.Join(dir, "nested"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "nested", "n.go"), `package nested

import (
	"context"
	"net/http"
)

type Pair[K, V any] struct {
	Key K
	Val V
}

type Tree[T any] struct {
	Val         T
	Left, Right *Tree[T]
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Deep[T any](x T) Pair[string, Pair[int, Pair[T, []Pair[T, map[string]T]]]] {
	var z Pair[string, Pair[int, Pair[T, []Pair[T, map[string]T]]]]
	z.Val.Val.Key = x
	return z
}

func Fetch[T any](ctx context.Context, url string, decode func(*http.Response) (T, error)) (T, error) {
	var zero T
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return zero, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return zero, err
	}
	defer resp.Body.Close()
	return decode(resp)
}

func Use(ctx context.Context) int {
	t := &Tree[Tree[Tree[int]]]{}
	_ = t
	d := Deep(Deep(Deep(1)))
	_ = d
	n := Map(Map([]int{1, 2}, func(i int) Pair[int, int] { return Pair[int, int]{i, i} }), func(p Pair[int, int]) int { return p.Key })
	_, _ = Fetch(ctx, "http://127.0.0.1/", func(*http.Response) (Pair[int, string], error) { return Pair[int, string]{}, nil })
	return len(n)
}
`)
	emptyModule := filepath.Join(t.TempDir(), "emptymod")
	if err := os.MkdirAll(emptyModule, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(emptyModule, "go.mod"), "module example.test/emptymod\n\ngo 1.26\n")

	cases := []struct {
		name    string
		env     []string
		in      string // the directory to run in, if not the odd module
		pattern string
		code    int
		stderr  string
	}{
		{"empty directory", nil, "", "./empty", 1, "no Go files"},
		{"missing directory", nil, "", "./missing/...", 1, "no such file or directory"},
		{"cgo without cgo", []string{"CGO_ENABLED=0"}, "", "./cgo", 1, "build constraints exclude all Go files"},
		{"generics", nil, "", "./generic", 0, ""},
		{"nested generics", nil, "", "./nested", 0, ""},
		{"huge file", nil, "", "./huge", 0, ""},
		{"generated file of 50,000 lines", nil, "", "./generated", 0, ""},
		{"empty module", nil, emptyModule, "./...", 1, "matched no packages"},
	}
	if _, err := exec.LookPath("gcc"); err == nil {
		cases = append(cases, struct {
			name    string
			env     []string
			in      string
			pattern string
			code    int
			stderr  string
		}{"cgo", []string{"CGO_ENABLED=1"}, "", "./cgo", 0, ""})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, kv := range tc.env {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			in := dir
			if tc.in != "" {
				in = tc.in
			}
			_, stderr, code := lambdalint(t, in, tc.pattern)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
				t.Errorf("stderr shows a crash:\n%s", stderr)
			}
		})
	}
}
