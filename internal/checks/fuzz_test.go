package checks_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/lambdalint/lambdalint/internal/checks"
	"github.com/lambdalint/lambdalint/internal/testutil"
)

// FuzzAnalyzers turns the fuzzer's bytes into a handler program that
// type-checks, runs every check on it and fails when a check panics,
// returns an error or reports a position outside the program.
//
//	go test ./internal/checks -run='^$' -fuzz=FuzzAnalyzers -fuzztime=30m
//
// Without -fuzz, the seeds below and the inputs saved under
// testdata/fuzz/FuzzAnalyzers run as ordinary tests.
func FuzzAnalyzers(f *testing.F) {
	for _, seed := range []string{
		"",
		"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09",
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d",
		"\x01\x1e\x00\x1f\x02\x20\x03\x21\x04\x22\x05\x23",
		"\x02\x24\x11\x25\x0b\x26\x0c\x27\x0e\x28\x19\x29\x1c",
		"\x03\x1e\x1e\x1f\x1f\x20\x20\x00\x05\x0a\x0f\x14\x19",
		"\x04\x21\x22\x23\x01\x02\x03\x24\x25\x26\x27\x28\x29",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		runChecks(t, generate(data))
	})
}

// base is the loaded package whose imports the generated programs use.
var base struct {
	once    sync.Once
	err     error
	fset    *token.FileSet
	imports map[string]*packages.Package
	sizes   types.Sizes
	dir     string
}

func loadBase() error {
	base.once.Do(func() {
		dir, _ := filepath.Abs(filepath.Join("testdata", "fuzzbase"))
		if base.err = testutil.DownloadModules(dir); base.err != nil {
			return
		}
		base.fset = token.NewFileSet()
		cfg := &packages.Config{
			Mode: packages.LoadAllSyntax | packages.NeedModule,
			Dir:  dir,
			Fset: base.fset,
			Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
		}
		pkgs, err := packages.Load(cfg, "./base")
		if err != nil {
			base.err = err
			return
		}
		if packages.PrintErrors(pkgs) > 0 || len(pkgs) != 1 {
			base.err = fmt.Errorf("the fuzz base package does not load")
			return
		}
		base.imports = pkgs[0].Imports
		base.sizes = pkgs[0].TypesSizes
		base.dir = dir
	})
	return base.err
}

// runChecks type-checks src as package main of the base module, runs
// every check on it and returns the number of findings per check.
func runChecks(t *testing.T, src string) map[string]int {
	if err := loadBase(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	syntax, err := parser.ParseFile(base.fset, file, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("the generator wrote a program that does not parse: %v\n%s", err, numbered(src))
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	imports := make(map[string]*packages.Package)
	conf := types.Config{
		GoVersion: "go1.26",
		Importer: importerFunc(func(path string) (*types.Package, error) {
			p, ok := base.imports[path]
			if !ok {
				return nil, fmt.Errorf("package %s is not among the base imports", path)
			}
			imports[path] = p
			return p.Types, nil
		}),
		Sizes: base.sizes,
	}
	pkg, err := conf.Check("example.test/fuzzbase/prog", base.fset, []*ast.File{syntax}, info)
	if err != nil {
		t.Fatalf("the generator wrote a program that does not type-check: %v\n%s", err, numbered(src))
	}
	prog := &packages.Package{
		ID:         "example.test/fuzzbase/prog",
		Name:       "main",
		PkgPath:    "example.test/fuzzbase/prog",
		GoFiles:    []string{file},
		Fset:       base.fset,
		Syntax:     []*ast.File{syntax},
		Types:      pkg,
		TypesInfo:  info,
		TypesSizes: base.sizes,
		Imports:    imports,
	}
	graph, err := checker.Analyze(checks.All, []*packages.Package{prog}, &checker.Options{Sequential: true})
	if err != nil {
		t.Fatal(err)
	}
	tf := base.fset.File(syntax.FileStart)
	found := make(map[string]int)
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("%s failed on %s: %v\n%s", act.Analyzer.Name, act.Package.PkgPath, act.Err, numbered(src))
		}
		if act.Package != prog {
			continue
		}
		for _, d := range act.Diagnostics {
			found[act.Analyzer.Name]++
			if !d.Pos.IsValid() || base.fset.File(d.Pos) != tf {
				t.Errorf("%s reported %q at a position outside the program", act.Analyzer.Name, d.Message)
			}
		}
	}
	return found
}

// TestFuzzProgram checks that the generator's statements reach the
// checks: one program with a fault of each kind is reported by every
// check, so a fuzzing run exercises them all.
func TestFuzzProgram(t *testing.T) {
	// Every statement in the handler, then a network call (http.Post)
	// and an uncapped package-level pool in INIT. The first byte also picks the handler:
	// 0 registers handler, 4 registers badHandler, for handlersig.
	var data []byte
	for i := range len(statements) {
		data = append(data, byte(i))
	}
	data = append(data, byte(len(statements)+len(blocks)+inInit), 23, byte(len(statements)-1))
	found := runChecks(t, generate(data))
	data[0] = 4
	for name, n := range runChecks(t, generate(data)) {
		found[name] += n
	}
	for _, a := range checks.All {
		if found[a.Name] == 0 {
			t.Errorf("%s reported nothing on a program with its fault", a.Name)
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func numbered(src string) string {
	var b strings.Builder
	for i, line := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, line)
	}
	return b.String()
}

// A generator writes a handler program from the fuzzer's bytes: each
// byte picks a statement, a block to open or close, or where the code
// goes (handler, helper, INIT). Every program it writes type-checks.
type generator struct {
	data []byte
	n    int // counter for fresh names
	body [3]*strings.Builder
	// depth is the number of blocks open in each body.
	depth [3]int
}

const (
	inHandler = iota
	inHelper
	inInit
)

func (g *generator) next() (byte, bool) {
	if len(g.data) == 0 {
		return 0, false
	}
	b := g.data[0]
	g.data = g.data[1:]
	return b, true
}

// write adds a template to a body, with a fresh number for %[1]d.
func (g *generator) write(where int, template string) {
	g.n++
	g.body[where].WriteString("\t" + strings.ReplaceAll(template, "%[1]d", strconv.Itoa(g.n)) + "\n")
}

// statements are templates of statements. %[1]d is a fresh number; the
// names ctx, body and key are in scope in every body.
var statements = []string{
	`go func() { _, _ = http.Get(body) }()`,
	`state = append(state, body)`,
	`if f%[1]d, err := os.Create("/tmp/" + filepath.Base(key)); err == nil { _ = f%[1]d.Close() }`,
	`f%[1]d, err%[1]d := os.Create("/tmp/" + filepath.Base(key)); if err%[1]d == nil { _ = f%[1]d.Close() }`,
	`_ = os.WriteFile("/tmp/cache.json", []byte(body), 0o644)`,
	`var wg%[1]d sync.WaitGroup; wg%[1]d.Go(func() { _ = helper(ctx, body, key) }); wg%[1]d.Wait()`,
	`if body == "fatal" { log.Fatal("fatal") }`,
	`if db%[1]d, err := sql.Open("mysql", body); err == nil { _ = db%[1]d.Ping() }`,
	`t%[1]d := time.NewTicker(time.Second); _ = t%[1]d`,
	`cache[key] = body`,
	`ctx%[1]d, cancel%[1]d := context.WithTimeout(context.Background(), time.Second); defer cancel%[1]d(); _ = ctx%[1]d`,
	`_ = Map([]string{body, key}, strings.ToUpper)`,
	`defer func() { _ = os.Remove("/tmp/" + key) }()`,
	`for i%[1]d := range 3 { go func() { _ = i%[1]d }() }`,
	`_ = recurse(ctx, len(body))`,
	`select { case <-ctx.Done(): default: }`,
	`ch%[1]d := make(chan int); go func() { ch%[1]d <- 1 }(); <-ch%[1]d`,
	`once.Do(func() { state = append(state, key) })`,
	`if len(body) > 1<<20 { panic("too big") }`,
	`if body == "exit" { os.Exit(1) }`,
	`c%[1]d := &http.Client{Transport: &http.Transport{}}; _ = c%[1]d`,
	`var s%[1]d sender = httpSender{}; _ = s%[1]d.send(ctx, body)`,
	`if dir%[1]d, err := os.MkdirTemp("", "x"); err == nil { defer os.RemoveAll(dir%[1]d) }`,
	`_, _ = http.Post(body, "text/plain", strings.NewReader(key))`,
	`time.AfterFunc(time.Second, func() { state = nil })`,
	`ctx = context.TODO()`,
	`if lc, ok := lambdacontext.FromContext(ctx); ok { last = lc.AwsRequestID }`,
	`if err := errors.New(body); err != nil { _ = err.Error() }`,
	`_ = box[string]{v: body}.get()`,
	`fn%[1]d := helper; _ = fn%[1]d(ctx, key, body)`,
	`shared.Close()`,
	`last = key`,
	`shared, _ = sql.Open("mysql", key)`,
}

// blocks open a block; the generator closes it later with "}".
var blocks = []string{
	`if len(body) > %[1]d {`,
	`for range %[1]d {`,
	`func() {`,
	`go func() {`,
	`defer func() {`,
	`switch len(key) { case %[1]d:`,
}

// closers end the blocks above, in the same order.
var closers = []string{"}", "}", "}()", "}()", "}()", "}"}

func generate(data []byte) string {
	g := &generator{data: data}
	for i := range g.body {
		g.body[i] = new(strings.Builder)
	}
	var stack [3][]int
	where := inHandler
	for {
		b, ok := g.next()
		if !ok {
			break
		}
		switch n := int(b); {
		case n < len(statements):
			g.write(where, statements[n])
		case n < len(statements)+len(blocks):
			k := n - len(statements)
			g.write(where, blocks[k])
			stack[where] = append(stack[where], k)
		case n < len(statements)+len(blocks)+3:
			where = n - len(statements) - len(blocks)
		default:
			if s := stack[where]; len(s) > 0 {
				g.body[where].WriteString("\t" + closers[s[len(s)-1]] + "\n")
				stack[where] = s[:len(s)-1]
			}
		}
	}
	for where := range stack {
		for s := stack[where]; len(s) > 0; s = s[:len(s)-1] {
			g.body[where].WriteString("\t" + closers[s[len(s)-1]] + "\n")
		}
	}
	start := "lambda.Start(handler)"
	if len(data) > 0 {
		start = []string{
			"lambda.Start(handler)",
			"lambda.StartWithOptions(handler, lambda.WithEnableSIGTERM())",
			"lambda.Start(wrap(handler))",
			"lambda.Start(func(ctx context.Context, e events.APIGatewayProxyRequest) (string, error) { return handler(ctx, e) })",
			"lambda.Start(badHandler)",
		}[int(data[0])%5]
	}
	return fmt.Sprintf(programTemplate, g.body[inHandler], g.body[inHelper], g.body[inInit], start)
}

const programTemplate = `package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

var (
	state  []string
	cache  = map[string]string{}
	last   string
	once   sync.Once
	shared *sql.DB
	_      = errors.New
	_      = filepath.Base
	_      = log.Printf
	_      = strings.ToUpper
	_      = time.Second
	_      = lambdacontext.FromContext
)

type sender interface {
	send(ctx context.Context, body string) error
}

type httpSender struct{}

func (httpSender) send(ctx context.Context, body string) error {
	req, err := http.NewRequest(http.MethodPost, body, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type box[T any] struct{ v T }

func (b box[T]) get() T { return b.v }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func recurse(ctx context.Context, n int) int {
	if n <= 0 {
		return 0
	}
	return recurse(ctx, n-1) + 1
}

func wrap(h func(context.Context, events.APIGatewayProxyRequest) (string, error)) func(context.Context, events.APIGatewayProxyRequest) (string, error) {
	return func(ctx context.Context, e events.APIGatewayProxyRequest) (string, error) {
		return h(ctx, e)
	}
}

func badHandler(ctx context.Context, e events.APIGatewayProxyRequest) string { return e.Body }

func handler(ctx context.Context, e events.APIGatewayProxyRequest) (string, error) {
	body, key := e.Body, e.Path
	_, _ = body, key
%s	return body, helper(ctx, body, key)
}

func helper(ctx context.Context, body, key string) error {
	_, _ = body, key
%s	return nil
}

func setup() string {
	ctx := context.Background()
	body, key := os.Getenv("BODY"), os.Getenv("KEY")
	_, _, _ = ctx, body, key
%s	return body
}

var initValue = setup()

func main() {
	%s
}
`
