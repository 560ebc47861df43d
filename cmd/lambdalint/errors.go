package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
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
	failedLine  = regexp.MustCompile(`^\w+: failed prerequisites: \w+@(\S+)$`)
)

// runFiltered runs lambdalint again with the same arguments and returns
// its exit status.
func runFiltered(args []string) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: cannot find its own executable: %v\n", err)
		return 1
	}
	cmd := exec.Command(self, args[1:]...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stdin, cmd.Stdout = os.Stdin, os.Stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: %v\n", err)
		return 1
	}
	broken := filterErrors(stderr, os.Stderr)
	err = cmd.Wait()

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

// filterErrors copies the driver's standard error, dropping the lines
// about skipped analyzers and naming each package that did not
// type-check once. It reports whether there was such a package.
func filterErrors(r io.Reader, w io.Writer) bool {
	reported := make(map[string]bool)
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
				fmt.Fprintf(w, "lambdalint: package %s was not analysed because it does not type-check (see the errors above)\n", pkg)
			}
			continue
		}
		fmt.Fprintln(w, line)
	}
	return len(reported) > 0
}
