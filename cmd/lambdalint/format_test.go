package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/internal/testutil"
)

// sarifOutput is the part of lambdalint's SARIF that the tests read.
type sarifOutput struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string                `json:"id"`
					ShortDescription struct{ Text string } `json:"shortDescription"`
					FullDescription  struct{ Text string } `json:"fullDescription"`
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		ColumnKind         string                          `json:"columnKind"`
		Results            []sarifResult                   `json:"results"`
	} `json:"runs"`
}

type sarifResult struct {
	RuleID    string `json:"ruleId"`
	RuleIndex int    `json:"ruleIndex"`
	Level     string `json:"level"`
	Message   struct{ Text string }
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine, StartColumn int
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []json.RawMessage `json:"fixes"`
}

func runSARIF(t *testing.T, dir string, args ...string) sarifOutput {
	t.Helper()
	out, stderr, code := lambdalint(t, dir, append([]string{"-format=sarif"}, args...)...)
	if code != 3 {
		t.Fatalf("lambdalint -format=sarif exited with %d, want 3; stderr:\n%s", code, stderr)
	}
	var log sarifOutput
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, out)
	}
	return log
}

func TestSARIF(t *testing.T) {
	log := runSARIF(t, example, "./...")
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with 1 run", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "lambdalint" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver %q, column kind %q", run.Tool.Driver.Name, run.ColumnKind)
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || !strings.Contains(r.Help.Markdown, r.HelpURI) || !strings.HasPrefix(r.HelpURI, "https://") {
			t.Errorf("rule %s lacks a description, help text or documentation link: %+v", r.ID, r)
		}
	}
	for _, c := range checks {
		if !slices.Contains(ids, c) {
			t.Errorf("no rule for %s among %v", c, ids)
		}
	}
	if !strings.HasPrefix(run.OriginalURIBaseIDs["%SRCROOT%"].URI, "file:///") {
		t.Errorf("%%SRCROOT%% is %q, want a file URI", run.OriginalURIBaseIDs["%SRCROOT%"].URI)
	}

	var got []string
	prints := make(map[string]bool)
	fixes := 0
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("result at %s is not relative to %%SRCROOT%%", loc.ArtifactLocation.URI)
		}
		if ids[r.RuleIndex] != r.RuleID || r.Level == "" || r.Message.Text == "" {
			t.Errorf("result %+v has a wrong rule index, no level or no message", r)
		}
		fp := r.PartialFingerprints["primaryLocationLineHash"]
		if fp == "" || prints[fp] {
			t.Errorf("result at %s:%d has a missing or repeated fingerprint %q", loc.ArtifactLocation.URI, loc.Region.StartLine, fp)
		}
		prints[fp] = true
		fixes += len(r.Fixes)
		rel := strings.TrimPrefix(loc.ArtifactLocation.URI, "testdata/example/")
		got = append(got, fmt.Sprintf("%s:%d %s", rel, loc.Region.StartLine, r.RuleID))
	}
	slices.Sort(got)
	if want := expectedFindings(t, checks); !slices.Equal(got, want) {
		t.Errorf("SARIF results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fixes == 0 {
		t.Error("no suggested fix became a SARIF fix")
	}
}

// TestSARIFSchema validates the SARIF against the SARIF 2.1.0 JSON
// schema with the validator in tools/sarif, which needs Node.js and
// "npm ci" in that directory. CI sets LAMBDALINT_REQUIRE_VALIDATORS so
// that a missing validator fails the test instead of skipping it.
func TestSARIFSchema(t *testing.T) {
	validator, _ := filepath.Abs(filepath.Join("..", "..", "tools", "sarif"))
	if _, err := os.Stat(filepath.Join(validator, "node_modules", "ajv-draft-04")); err != nil {
		if os.Getenv("LAMBDALINT_REQUIRE_VALIDATORS") != "" {
			t.Fatalf("the SARIF validator is not installed: run npm ci in %s", validator)
		}
		t.Skipf("the SARIF validator is not installed (npm ci in %s)", validator)
	}
	out, stderr, code := lambdalint(t, example, "-format=sarif", "./...")
	if code != 3 {
		t.Fatalf("lambdalint -format=sarif exited with %d; stderr:\n%s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "example.sarif")
	write(t, file, out)
	if vout, verr, vcode := command(t, validator, "node", "validate.js", file); vcode != 0 {
		t.Fatalf("the SARIF does not conform to the schema:\n%s%s", vout, verr)
	}
}

// TestSARIFFingerprints checks that the fingerprints do not change when
// lines are added above the findings.
func TestSARIFFingerprints(t *testing.T) {
	dir := testutil.CopyDir(t, example)
	before := runSARIF(t, dir, "./...")
	main := filepath.Join(dir, "cmd", "orders-api", "main.go")
	data, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	write(t, main, "// Shifted by two lines.\n\n"+string(data))
	after := runSARIF(t, dir, "./...")

	prints := func(log sarifOutput) map[string]int {
		m := make(map[string]int)
		for _, r := range log.Runs[0].Results {
			m[r.PartialFingerprints["primaryLocationLineHash"]] = r.Locations[0].PhysicalLocation.Region.StartLine
		}
		return m
	}
	b, a := prints(before), prints(after)
	if len(b) != len(a) {
		t.Fatalf("%d results before the edit, %d after", len(b), len(a))
	}
	shifted := 0
	for fp, line := range b {
		newLine, ok := a[fp]
		switch {
		case !ok:
			t.Errorf("fingerprint %s of line %d changed with the edit", fp, line)
		case newLine == line+2:
			shifted++
		case newLine != line:
			t.Errorf("result %s moved from line %d to %d", fp, line, newLine)
		}
	}
	if shifted == 0 {
		t.Error("no result of the edited file moved: the test edits the wrong file")
	}
}

// rdDiagnostic holds exactly the fields of reviewdog's documented
// Diagnostic message that lambdalint writes; decoding rejects any other.
type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	Code struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions []struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	} `json:"suggestions"`
	RelatedLocations []struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
	} `json:"related_locations"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func TestRDJSONL(t *testing.T) {
	out, stderr, code := lambdalint(t, example, "-format=rdjsonl", "./...")
	if code != 3 {
		t.Fatalf("lambdalint -format=rdjsonl exited with %d; stderr:\n%s", code, stderr)
	}
	var got []string
	suggestions := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if len(line) >= 64*1024 {
			t.Errorf("line of %d bytes, reviewdog's limit is 64 KiB", len(line))
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var d rdDiagnostic
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("not a reviewdog diagnostic: %v\n%s", err, line)
		}
		checkRDLocation(t, d.Location)
		for _, r := range d.RelatedLocations {
			checkRDLocation(t, r.Location)
		}
		if d.Message == "" || d.Source.Name != "lambdalint" || !slices.Contains(checks, d.Code.Value) || !strings.HasPrefix(d.Code.URL, "https://") {
			t.Errorf("diagnostic without message, source, code or documentation link: %s", line)
		}
		if !slices.Contains([]string{"ERROR", "WARNING", "INFO"}, d.Severity) {
			t.Errorf("severity %q is not one of reviewdog's", d.Severity)
		}
		for _, s := range d.Suggestions {
			suggestions++
			if s.Range.End == nil || s.Range.Start.Line < 1 || s.Range.Start.Column < 1 {
				t.Errorf("suggestion without a full range: %s", line)
			}
		}
		got = append(got, fmt.Sprintf("%s:%d %s", strings.TrimPrefix(d.Location.Path, "testdata/example/"), d.Location.Range.Start.Line, d.Code.Value))
	}
	slices.Sort(got)
	if want := expectedFindings(t, checks); !slices.Equal(got, want) {
		t.Errorf("rdjsonl findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if suggestions == 0 {
		t.Error("no suggested fix became a reviewdog suggestion")
	}
}

func checkRDLocation(t *testing.T, loc rdLocation) {
	t.Helper()
	if loc.Path == "" || filepath.IsAbs(loc.Path) || loc.Range.Start.Line < 1 || loc.Range.Start.Column < 1 {
		t.Errorf("location %+v is not relative with a line and column", loc)
	}
}

func TestGitHubFormat(t *testing.T) {
	out, _, code := lambdalint(t, example, "-format=github", "./...")
	if code != 3 {
		t.Fatalf("lambdalint -format=github exited with %d", code)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		props, msg, ok := strings.Cut(strings.TrimPrefix(line, "::warning "), "::")
		if !strings.HasPrefix(line, "::warning file=") || !ok || msg == "" || strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("not a workflow command: %q", line)
		}
		var file, lineNo, check string
		for _, p := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(p, "=")
			switch k {
			case "file":
				file = v
			case "line":
				lineNo = v
			case "title":
				check = strings.TrimPrefix(v, "lambdalint ")
			}
		}
		got = append(got, fmt.Sprintf("%s:%s %s", strings.TrimPrefix(file, "testdata/example/"), lineNo, check))
	}
	slices.Sort(got)
	if want := expectedFindings(t, checks); !slices.Equal(got, want) {
		t.Errorf("annotations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestUnknownFormat(t *testing.T) {
	_, stderr, code := lambdalint(t, example, "-format=xml", "./...")
	if code != 2 || !strings.Contains(stderr, `unknown -format "xml"`) {
		t.Errorf("exit %d, stderr %q; want 2 and the unknown format named", code, stderr)
	}
}

// TestNewFromRev builds a git repository whose main branch has a
// correct line that a feature branch breaks, and checks that only the
// finding on that line is reported.
func TestNewFromRev(t *testing.T) {
	dir := testutil.CopyDir(t, example)
	main := filepath.Join(dir, "cmd", "orders-api", "main.go")
	data, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	broken := "customer, err := dynamo.GetItem(context.Background(), "
	fixed := bytes.Replace(data, []byte(broken), []byte("customer, err := dynamo.GetItem(ctx, "), 1)
	write(t, main, string(fixed))
	line := testutil.FeatureBranch(t, dir, main, "dynamo.GetItem(ctx, ", "dynamo.GetItem(context.Background(), ")

	want := expectedFindings(t, checks)
	out, stderr, code := lambdalint(t, dir, "-format=rdjsonl", "-new-from-rev=main", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], fmt.Sprintf(`"path":"cmd/orders-api/main.go","range":{"start":{"line":%d,`, line)) {
		t.Errorf("-new-from-rev=main reported (of %d findings in all):\n%s\nwant only the one at main.go:%d", len(want), out, line)
	}

	// An uncommitted edit counts as changed; so does the text format,
	// which goes to standard error as without the flag.
	testutil.Git(t, dir, "checkout", "-q", "main")
	out, stderr, code = lambdalint(t, dir, "-new-from-rev=HEAD", "./...")
	if code != 0 || out != "" || stderr != "" {
		t.Errorf("with no change, exit %d, output %q and %q; want 0 and nothing", code, out, stderr)
	}
	write(t, main, string(data))
	out, stderr, code = lambdalint(t, dir, "-new-from-rev=HEAD", "./...")
	if code != 3 || out != "" || !strings.Contains(stderr, fmt.Sprintf("main.go:%d:", line)) || !strings.Contains(stderr, "(notimeout)") || strings.Contains(stderr, "receipts") {
		t.Errorf("with an uncommitted edit, exit %d, output %q and standard error:\n%s", code, out, stderr)
	}

	_, stderr, code = lambdalint(t, dir, "-new-from-rev=no-such-branch", "./...")
	if code != 1 || !strings.Contains(stderr, `"no-such-branch" is not a commit`) {
		t.Errorf("with an unknown revision, exit %d and stderr %q", code, stderr)
	}
}

// TestSameOutput checks that two runs on the same input write the same
// bytes, in every format.
func TestSameOutput(t *testing.T) {
	for _, format := range [][]string{{}, {"-json"}, {"-format=sarif"}, {"-format=rdjsonl"}} {
		args := append(format, "./...")
		first, _, _ := lambdalint(t, example, args...)
		second, _, _ := lambdalint(t, example, args...)
		if first != second {
			t.Errorf("lambdalint %s wrote different output on a second run", strings.Join(args, " "))
		}
	}
}

// TestVetDriver checks that -driver=vet, which runs the checks under go
// vet, reports the same findings as the default driver, and an error
// for a package that does not type-check.
func TestVetDriver(t *testing.T) {
	out, stderr, code := lambdalint(t, example, "-driver=vet", "-format=github", "./...")
	if code != 3 {
		t.Fatalf("-driver=vet exited with %d, want 3; stderr:\n%s", code, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		file, _, _ := strings.Cut(strings.TrimPrefix(line, "::warning file="), ",")
		lineNo := regexp.MustCompile(`,line=(\d+),`).FindStringSubmatch(line)
		check := regexp.MustCompile(`title=lambdalint (\w+)`).FindStringSubmatch(line)
		if lineNo == nil || check == nil {
			t.Fatalf("not a workflow command: %q", line)
		}
		got = append(got, fmt.Sprintf("%s:%s %s", strings.TrimPrefix(file, "testdata/example/"), lineNo[1], check[1]))
	}
	slices.Sort(got)
	if want := expectedFindings(t, checks); !slices.Equal(got, want) {
		t.Errorf("-driver=vet findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.test/broken\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "b.go"), "package broken\n\nfunc f() int { return \"x\" }\n")
	_, stderr, code = lambdalint(t, dir, "-driver=vet", "./...")
	if code != 1 || !strings.Contains(stderr, "cannot use") {
		t.Errorf("-driver=vet on a type error: exit %d, stderr %q; want 1 and the error", code, stderr)
	}
}
