// Command lambdalint runs the lambdalint analyzers.
//
// Standalone:
//
//	lambdalint ./...
//
// As a vet tool:
//
//	go vet -vettool=$(command -v lambdalint) ./...
//
// "lambdalint help" lists the analyzers and the flags;
// "lambdalint help notimeout" prints the documentation of one check.
//
// Exit status: 0 when nothing is reported, 3 when there are findings, 1
// when a package cannot be loaded or does not type-check.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/lambdalint/lambdalint/internal/checks"
)

func main() {
	if os.Getenv(childEnv) == "" {
		switch args := os.Args[1:]; {
		case len(args) == 1 && args[0] == "help":
			os.Exit(printHelp())
		case standalone(args):
			os.Exit(runFiltered(os.Args))
		}
	}
	multichecker.Main(checks.All...)
}

// intro replaces the generic introduction of the go/analysis driver's
// help.
const intro = `lambdalint finds faults in Go code that runs on AWS Lambda and similar
function platforms: network calls during INIT, which every cold start waits
for, request data left in package-level state for the next invocation, calls
in a handler that the invocation's deadline cannot stop, files left in /tmp,
work left running when the handler returns, process exits, handlers that the
runtime rejects, and clients and pools built on every invocation. It follows
calls from each handler and from INIT code across functions and packages.

Usage:

	lambdalint [flags] packages
	go vet -vettool=$(command -v lambdalint) [flags] packages

Standalone only:

	-format=sarif|rdjsonl|github  write the findings in that format
	-new-from-rev=REV             report only findings on lines changed since REV
	-driver=vet                   run the checks under go vet, for large repositories

"lambdalint help NAME" prints the documentation of the check NAME.
A finding is suppressed by "//lambdalint:ignore NAME reason" on its line
or the line above.

`

// printHelp prints lambdalint's introduction, then the list of checks
// and flags of the driver's own help.
func printHelp() int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "lambdalint: cannot find its own executable: %v\n", err)
		return 1
	}
	cmd := exec.Command(self, "help")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		return 1
	}
	text := string(out)
	if i := strings.Index(text, "Registered analyzers:"); i >= 0 {
		text = text[i:]
	}
	// The driver ignores -tags; lambdalint passes it to the go command.
	text = strings.Replace(text, "-tags string\n    \tno effect (deprecated)", "-tags string\n    \tcomma-separated build tags for loading the packages", 1)
	fmt.Print(intro + text)
	return 0
}

// standalone reports whether the arguments ask for a standalone run on
// package patterns, rather than a run by go vet (a single *.cfg file,
// or the -V and -flags queries of the go command) or help.
func standalone(args []string) bool {
	for _, a := range args {
		switch {
		case strings.HasSuffix(a, ".cfg"), strings.HasPrefix(a, "-V"), a == "-flags", a == "--flags":
			return false
		}
	}
	return len(args) == 0 || args[0] != "help"
}
