package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

// childEnv marks the process that runs the analysis for runFiltered.
const childEnv = "LAMBDALINT_CHILD"

// When a package does not type-check, the go/analysis driver prints
// its errors and then, for every analyzer, that the analysis was
// skipped or that a prerequisite failed. runFiltered runs the driver in
// a child process and replaces those lines with one that names the
// package, so the output shows the type errors and the package only.
var (
	skippedLine = regexp.MustCompile(`^\w+: analysis skipped due to errors in package$`)
	failedLine  = regexp.MustCompile(`^\w+: failed prerequisites: \w+@([^\s,\[]+)`)

	positionedLine = regexp.MustCompile(`^\S+:\d+:\d+: `)
)

// runFiltered runs lambdalint again with the same arguments, less the
// flags it handles itself, and returns its exit status.
func runFiltered(args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: cannot find its own executable: %v\n", err)
		return 1
	}
	rest, opts, err := takeOptions(args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 2
	}
	if !opts.textByDriver() {
		return runConverted(self, rest, opts)
	}
	broken, err, startErr := runChild(exec.Command(self, rest...), opts, os.Stdout)
	if startErr != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", startErr)
		return 1
	}

	var exit *exec.ExitError
	switch {
	case err == nil && broken:
		return 1 // the driver printed errors but found nothing to report
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
	return 1
}

// runChild runs cmd as lambdalint's child, with the GOFLAGS of opts,
// its standard output to stdout and its standard error through
// filterErrors. It returns whether a package could not be analysed, the
// child's exit error, and an error when the child could not start.
func runChild(cmd *exec.Cmd, opts options, stdout io.Writer) (broken bool, waitErr, err error) {
	cmd.Env = append(os.Environ(), childEnv+"=1")
	if opts.goflags != "" {
		cmd.Env = append(cmd.Env, "GOFLAGS="+opts.goflags)
	}
	cmd.Stdin, cmd.Stdout = os.Stdin, stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return false, nil, err
	}
	if err := cmd.Start(); err != nil {
		return false, nil, err
	}
	broken = filterErrors(stderr, os.Stderr)
	return broken, cmd.Wait(), nil
}

// filterErrors copies the driver's standard error, dropping the lines
// about skipped analyzers and naming each package that did not
// type-check once. It reports whether there was such a package.
func filterErrors(r io.Reader, w io.Writer) bool {
	reported := make(map[string]bool)
	positioned := false // an error with a position has been printed
	printed := make(map[string]bool)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if skippedLine.MatchString(line) {
			continue
		}
		if m := failedLine.FindStringSubmatch(line); m != nil {
			if pkg := m[1]; !reported[pkg] {
				reported[pkg] = true
				fmt.Fprintf(w, "lambdalint: %s was not analysed because it could not be loaded or does not type-check (see the errors above)\n", pkg)
			}
			continue
		}
		if strings.HasPrefix(line, "-: ") && positioned {
			continue // a follow-on error without a position
		}
		if printed[line] {
			continue // the same error again, for the package's test variant
		}
		printed[line] = true
		positioned = positioned || positionedLine.MatchString(line)
		fmt.Fprintln(w, line)
	}
	return len(reported) > 0
}

// mergeTags returns a -tags flag in the form of GOFLAGS, merged with
// the GOFLAGS of the environment. The standalone driver accepts -tags
// but ignores it; the go command, which loads the packages, honours
// GOFLAGS.
func mergeTags(tags string) string {
	if tags == "" {
		return ""
	}
	return strings.TrimSpace(os.Getenv("GOFLAGS") + " -tags=" + tags)
}
