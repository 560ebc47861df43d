// Command custom-gcl is golangci-lint v2.15.0 with the lambdalint
// checks built in as module plugins. It is what `golangci-lint custom`
// would build, made with `go build` and the module proxy alone, for
// machines that cannot clone golangci-lint from its git host.
//
//	cd tools/custom-gcl && go build -o ../../bin/custom-gcl .
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/lambdalint/lambdalint/gclplugin"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-lambdalint", Commit: "(none)", Date: "(none)", GoVersion: "go1.26"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
