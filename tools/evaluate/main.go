// Command evaluate runs lambdalint on the corpus of public Lambda
// repositories and writes EVALUATION.md: every finding with its
// verdict, and the precision of each check.
//
// Usage:
//
//	go run ./tools/evaluate -corpus DIR [-o EVALUATION.md]
//
// DIR holds the repositories of bench/corpus.txt, fetched by
// bench/fetch.sh. The verdicts come from tools/evaluate/verdicts.tsv,
// one finding a line:
//
//	REPOSITORY <tab> PATH:LINE <tab> CHECK <tab> true|false|fixed <tab> REASON
//
// "fixed" marks a false positive that a change to the check removed; it
// is listed with its reason and must match no finding. A finding without
// a verdict is listed as unjudged, a true or false verdict whose finding
// is gone as stale, and a fixed one that is back as a regression, so the
// file is easy to keep current. The command exits 1 when there is any.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

var (
	corpusDir = flag.String("corpus", "", "directory with the repositories of bench/corpus.txt")
	output    = flag.String("o", "EVALUATION.md", "file to write")
	list      = flag.String("list", "bench/corpus.txt", "the corpus list")
	verdicts  = flag.String("verdicts", "tools/evaluate/verdicts.tsv", "the verdicts")
	binary    = flag.String("lambdalint", "bin/lambdalint", "the lambdalint binary, built first")
	skip      = flag.String("skip", "tailscale/tailscale", "comma-separated repositories to leave out (not Lambda code)")
)

// repository is one line of the corpus list.
type repository struct {
	name, commit, subdir string
	env                  []string
}

// finding is one line of lambdalint's rdjsonl output, reduced.
type finding struct {
	repo, path string
	line       int
	check      string
	message    string
}

func (f finding) key() string {
	return fmt.Sprintf("%s\t%s:%d\t%s", f.repo, f.path, f.line, f.check)
}

type verdict struct {
	good, fixed bool
	reason      string
}

func main() {
	flag.Parse()
	if *corpusDir == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/evaluate -corpus DIR [-o EVALUATION.md]")
		os.Exit(2)
	}
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "evaluate: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	repos, err := readList(*list)
	if err != nil {
		return err
	}
	judged, err := readVerdicts(*verdicts)
	if err != nil {
		return err
	}
	bin, err := filepath.Abs(*binary)
	if err != nil {
		return err
	}
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/lambdalint").CombinedOutput(); err != nil {
		return fmt.Errorf("building lambdalint failed: %v\n%s", err, out)
	}

	var all []finding
	var ran []string
	for _, r := range repos {
		if slices.Contains(strings.Split(*skip, ","), r.name) {
			continue
		}
		fs, err := lint(bin, r)
		if err != nil {
			return err
		}
		ran = append(ran, fmt.Sprintf("%s @ %s", r.name, r.commit[:8]))
		all = append(all, fs...)
	}

	var b bytes.Buffer
	unjudged, stale := report(&b, all, judged, ran)
	if notes, err := os.ReadFile(filepath.Join(filepath.Dir(*verdicts), "notes.md")); err == nil {
		b.WriteString("\n")
		b.Write(notes)
	}
	if err := os.WriteFile(*output, b.Bytes(), 0o644); err != nil {
		return err
	}
	if unjudged > 0 || stale > 0 {
		return fmt.Errorf("%d findings have no verdict and %d verdicts match no finding; see %s", unjudged, stale, *output)
	}
	return nil
}

func readList(file string) ([]repository, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var repos []repository
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(fields) < 3 {
			return nil, fmt.Errorf("%s: invalid line %q: want NAME URL COMMIT [SUBDIR] [KEY=VALUE...]", file, sc.Text())
		}
		r := repository{name: fields[0], commit: fields[2], subdir: "."}
		for _, f := range fields[3:] {
			if strings.Contains(f, "=") {
				r.env = append(r.env, f)
			} else {
				r.subdir = f
			}
		}
		repos = append(repos, r)
	}
	return repos, sc.Err()
}

func readVerdicts(file string) (map[string]verdict, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]verdict{}, nil
	} else if err != nil {
		return nil, err
	}
	out := make(map[string]verdict)
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, "\t", 5)
		if len(fields) != 5 || fields[3] != "true" && fields[3] != "false" && fields[3] != "fixed" {
			return nil, fmt.Errorf("%s:%d: want REPOSITORY, PATH:LINE, CHECK, true, false or fixed, and REASON, separated by tabs", file, i+1)
		}
		out[strings.Join(fields[:3], "\t")] = verdict{good: fields[3] == "true", fixed: fields[3] == "fixed", reason: fields[4]}
	}
	return out, nil
}

// lint runs lambdalint on one repository and returns its findings.
func lint(bin string, r repository) ([]finding, error) {
	dir := filepath.Join(*corpusDir, strings.Replace(r.name, "/", "+", 1), r.subdir)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return nil, fmt.Errorf("%s is not in %s: run bench/fetch.sh %s first", r.name, *corpusDir, *corpusDir)
	}

	cmd := exec.Command(bin, "-format=rdjsonl", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), r.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
		return nil, fmt.Errorf("lambdalint failed on %s: %v\n%s", r.name, err, stderr.String())
	}

	var out []finding
	dec := json.NewDecoder(&stdout)
	for {
		var d struct {
			Message  string
			Location struct {
				Path  string
				Range struct{ Start struct{ Line int } }
			}
			Code struct{ Value string }
		}
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading the findings on %s: %v", r.name, err)
		}
		path := d.Location.Path
		if r.subdir != "." {
			path = filepath.ToSlash(filepath.Join(r.subdir, path))
		}
		out = append(out, finding{repo: r.name, path: path, line: d.Location.Range.Start.Line, check: d.Code.Value, message: d.Message})
	}
	return out, nil
}

// report writes EVALUATION.md and returns the numbers of unjudged
// findings and stale verdicts.
func report(w io.Writer, all []finding, judged map[string]verdict, ran []string) (unjudged, stale int) {
	sort.SliceStable(all, func(i, j int) bool { return all[i].key() < all[j].key() })
	type tally struct{ good, bad, open int }
	byCheck := make(map[string]*tally)
	seen := make(map[string]bool)
	for _, f := range all {
		t := byCheck[f.check]
		if t == nil {
			t = new(tally)
			byCheck[f.check] = t
		}
		seen[f.key()] = true
		v, ok := judged[f.key()]
		switch {
		case !ok || v.fixed:
			t.open++
			unjudged++
		case v.good:
			t.good++
		default:
			t.bad++
		}
	}

	fmt.Fprintf(w, "# Evaluation on real code\n\n")
	fmt.Fprintf(w, "<!-- Generated by: go run ./tools/evaluate -corpus DIR. Verdicts: tools/evaluate/verdicts.tsv. -->\n\n")
	fmt.Fprintf(w, "Every finding of lambdalint on the public Lambda repositories of `bench/corpus.txt`, at the commits listed there, with a verdict from reading the code: true when the finding is a real fault as the check's documentation defines it, false otherwise. Generated on %s.\n\n", time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(w, "Repositories: %s.\n\n", strings.Join(ran, ", "))

	fmt.Fprintf(w, "## Precision per check\n\n| check | findings | true | false | unjudged | precision |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	var checks []string
	for c := range byCheck {
		checks = append(checks, c)
	}
	sort.Strings(checks)
	var total tally
	for _, c := range checks {
		t := byCheck[c]
		total.good += t.good
		total.bad += t.bad
		total.open += t.open
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %s |\n", c, t.good+t.bad+t.open, t.good, t.bad, t.open, precision(t.good, t.bad))
	}
	fmt.Fprintf(w, "| all | %d | %d | %d | %d | %s |\n\n", total.good+total.bad+total.open, total.good, total.bad, total.open, precision(total.good, total.bad))
	fmt.Fprintf(w, "Checks with no row reported nothing on the corpus.\n\n")

	fmt.Fprintf(w, "## Findings\n\n| repository | file:line | check | verdict | reason |\n| --- | --- | --- | --- | --- |\n")
	for _, f := range all {
		v, ok := judged[f.key()]
		verdictText, reason := "unjudged", "message: "+f.message
		if ok && v.fixed {
			verdictText = "regression: marked fixed"
		} else if ok {
			verdictText, reason = "false", v.reason
			if v.good {
				verdictText = "true"
			}
		}
		fmt.Fprintf(w, "| %s | %s:%d | %s | %s | %s |\n", f.repo, f.path, f.line, f.check, verdictText, strings.ReplaceAll(reason, "|", "\\|"))
	}

	var gone, fixed []string
	for k, v := range judged {
		switch {
		case v.fixed && !seen[k]:
			fixed = append(fixed, k)
		case !v.fixed && !seen[k]:
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	sort.Strings(fixed)
	if len(fixed) > 0 {
		fmt.Fprintf(w, "\n## False positives fixed\n\nFindings judged false on an earlier run that a change to the check removed; each change came with a regression test of the same shape.\n\n| repository | file:line | check | why it was false |\n| --- | --- | --- | --- |\n")
		for _, k := range fixed {
			parts := strings.Split(k, "\t")
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", parts[0], parts[1], parts[2], strings.ReplaceAll(judged[k].reason, "|", "\\|"))
		}
	}
	if len(gone) > 0 {
		fmt.Fprintf(w, "\n## Stale verdicts\n\nThese verdicts match no finding of this run; a check changed or a line moved.\n\n")
		for _, k := range gone {
			fmt.Fprintf(w, "- %s\n", strings.ReplaceAll(k, "\t", " "))
		}
	}
	return unjudged, len(gone)
}

func precision(good, bad int) string {
	if good+bad == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(good)/float64(good+bad))
}
