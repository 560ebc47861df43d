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
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/lambdalint/lambdalint/analyzers/notimeout"
)

func main() {
	multichecker.Main(
		notimeout.Analyzer,
	)
}
