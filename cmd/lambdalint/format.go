package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/internal/checks"
)

// options are the flags that lambdalint handles itself, before it
// passes the other arguments to the go/analysis driver.
type options struct {
	format     string // -format: text, sarif, rdjsonl or github
	newFromRev string // -new-from-rev
	driver     string // -driver: "packages" (the default) or "vet"
	goflags    string // -tags, as GOFLAGS for the go command
	json       bool   // -json, the driver's own
	fix        bool   // -fix, the driver's own
	raw        bool   // a flag whose output only the driver writes, such as -c or -diff
}

var formats = []string{"text", "sarif", "rdjsonl", "github"}

// takeOptions removes lambdalint's own flags from the arguments before
// the first package pattern.
func takeOptions(args []string) (rest []string, opts options, err error) {
	opts.format = "text"
	var tags string
	value := func(i *int, a, name string) (string, error) {
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v, nil
		}
		if *i+1 >= len(args) {
			return "", fmt.Errorf("flag %s needs a value", name)
		}
		*i++
		return args[*i], nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		name = "-" + name
		switch {
		case !strings.HasPrefix(a, "-"):
			rest = append(rest, args[i:]...)
			return rest, opts, opts.check(tags)
		case name == "--tags" || name == "-tags":
			if tags, err = value(&i, a, strings.SplitN(a, "=", 2)[0]); err != nil {
				return nil, opts, err
			}
		case name == "--format" || name == "-format":
			if opts.format, err = value(&i, a, strings.SplitN(a, "=", 2)[0]); err != nil {
				return nil, opts, err
			}
		case name == "--new-from-rev" || name == "-new-from-rev":
			if opts.newFromRev, err = value(&i, a, strings.SplitN(a, "=", 2)[0]); err != nil {
				return nil, opts, err
			}
		case name == "--driver" || name == "-driver":
			if opts.driver, err = value(&i, a, strings.SplitN(a, "=", 2)[0]); err != nil {
				return nil, opts, err
			}
		default:
			switch a {
			case "-json", "--json", "-json=true", "--json=true":
				opts.json = true
			case "-fix", "--fix", "-fix=true", "--fix=true":
				opts.fix = true
			}
			if slices.Contains([]string{"-c", "-diff", "-cpuprofile", "-memprofile", "-trace", "-debug"}, strings.TrimPrefix(name, "-")) {
				opts.raw = true
			}
			rest = append(rest, a)
		}
	}
	return rest, opts, opts.check(tags)
}

func (o *options) check(tags string) error {
	o.goflags = mergeTags(tags)
	known := false
	for _, f := range formats {
		known = known || o.format == f
	}
	switch {
	case !known:
		return fmt.Errorf("unknown -format %q: the formats are %s (and -json for the driver's JSON)", o.format, strings.Join(formats, ", "))
	case o.driver != "" && o.driver != "packages" && o.driver != "vet":
		return fmt.Errorf("unknown -driver %q: the drivers are packages and vet", o.driver)
	case o.json && o.converted():
		return errors.New("-json cannot be combined with -format, -new-from-rev or -driver=vet")
	case o.fix && o.converted():
		return errors.New("-fix cannot be combined with -format, -new-from-rev or -driver=vet; run it on its own")
	}
	return nil
}

// converted reports whether lambdalint reads the driver's findings and
// writes them itself, rather than letting the driver print them.
func (o *options) converted() bool {
	return o.format != "text" || o.newFromRev != "" || o.driver == "vet"
}

// textByDriver reports whether the go/analysis driver should print the
// findings itself: for -json, -fix and the flags whose output only it
// writes. Otherwise lambdalint prints them, with the check's name.
func (o *options) textByDriver() bool {
	return !o.converted() && (o.json || o.fix || o.raw)
}

// runConverted runs the driver with -json in a child process, keeps the
// findings on changed lines if asked, and writes them in the chosen
// format. It returns the exit status: 3 when something is reported, 1
// on errors, 0 otherwise.
func runConverted(self string, args []string, opts options) int {
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}
	root := dir
	var changed changes
	if r, err := gitRoot(dir); err == nil {
		root = r
	} else if opts.newFromRev != "" {
		fmt.Fprintf(os.Stderr, "lambdalint: -new-from-rev needs a git work tree: %v\n", err)
		return 1
	}
	if opts.newFromRev != "" {
		if changed, err = changedSince(root, opts.newFromRev); err != nil {
			fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
			return 1
		}
	}

	cmd := exec.Command(self, append([]string{"-json"}, args...)...)
	if opts.driver == "vet" {
		// go vet runs lambdalint once per package, with the export data
		// of its dependencies and the build cache, so memory stays low
		// on large repositories and unchanged packages are not analysed
		// again.
		cmd = exec.Command("go", append([]string{"vet", "-vettool=" + self, "-json"}, args...)...)
	}
	var stdout bytes.Buffer
	broken, waitErr, err := runChild(cmd, opts, &stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}

	findings, failures, err := decodeFindings(&stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}
	broken = reportFailures(failures, os.Stderr) || broken
	if opts.driver == "vet" && waitErr != nil {
		broken = true // go vet -json exits 0 on findings, so this is an error it printed
	}
	if waitErr != nil && !broken {
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) || stdout.Len() == 0 {
			fmt.Fprintf(os.Stderr, "lambdalint: %v\n", waitErr)
			return 1
		}
	}
	if changed != nil {
		kept := findings[:0]
		for _, f := range findings {
			if changed.keep(f.Pos) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}

	// Text goes to standard error, as the go/analysis driver and go vet
	// write it; the machine formats go to standard output.
	dest := os.Stdout
	if opts.format == "text" {
		dest = os.Stderr
	}
	out := bufio.NewWriter(dest)
	if err := write(out, opts.format, findings, root); err == nil {
		err = out.Flush()
	} else {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}
	switch {
	case broken:
		return 1
	case len(findings) > 0:
		return 3
	}
	return 0
}

func write(w io.Writer, format string, fs []finding, root string) error {
	src := newSources()
	switch format {
	case "sarif":
		return writeSARIF(w, fs, checks.All, root, src)
	case "rdjsonl":
		return writeRDJSONL(w, fs, docURLs(checks.All), root, src)
	case "github":
		return writeGitHub(w, fs, root)
	}
	return writeText(w, fs)
}

// writeText prints the findings as the driver does, each followed by
// the name of its check, as in "file:line:col: message (notimeout)".
func writeText(w io.Writer, fs []finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", f.Pos, f.Message, f.Analyzer); err != nil {
			return err
		}
		for _, r := range f.Related {
			if _, err := fmt.Fprintf(w, "%s: \t%s\n", r.Pos, r.Message); err != nil {
				return err
			}
		}
	}
	return nil
}

func docURLs(as []*analysis.Analyzer) map[string]string {
	m := make(map[string]string)
	for _, a := range as {
		m[a.Name] = a.URL
	}
	return m
}

var prerequisiteError = regexp.MustCompile(`^(analysis skipped due to errors in package|failed prerequisites: )`)

// reportFailures prints the analyzers that failed, naming each package
// that could not be analysed once, as filterErrors does for the text
// output. It reports whether there was a failure.
func reportFailures(errs []packageError, w io.Writer) bool {
	named := make(map[string]bool)
	for _, e := range errs {
		if prerequisiteError.MatchString(e.Err) {
			pkg, _, _ := strings.Cut(e.Package, " ") // the test variant "p [p.test]" is p
			if !named[pkg] {
				named[pkg] = true
				fmt.Fprintf(w, "lambdalint: %s was not analysed because it could not be loaded or does not type-check (see the errors above)\n", pkg)
			}
			continue
		}
		fmt.Fprintf(w, "lambdalint: %s on %s: %s\n", e.Analyzer, e.Package, e.Err)
	}
	return len(errs) > 0
}
