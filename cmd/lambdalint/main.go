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
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/lambdalint/lambdalint/analyzers/notimeout"
)

// analyzers are the checks of lambdalint, in the order help lists them.
var analyzers = []*analysis.Analyzer{
	notimeout.Analyzer,
}

func main() {
	if standalone(os.Args[1:]) && os.Getenv(childEnv) == "" {
		os.Exit(runFiltered(os.Args))
	}
	multichecker.Main(analyzers...)
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
