// Package checks lists the analyzers of lambdalint, for the command,
// the golangci-lint plugins and any other driver.
package checks

import (
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers/clientreuse"
	"github.com/lambdalint/lambdalint/analyzers/dbpool"
	"github.com/lambdalint/lambdalint/analyzers/frozenwork"
	"github.com/lambdalint/lambdalint/analyzers/globalstate"
	"github.com/lambdalint/lambdalint/analyzers/handlerexit"
	"github.com/lambdalint/lambdalint/analyzers/handlersig"
	"github.com/lambdalint/lambdalint/analyzers/initwork"
	"github.com/lambdalint/lambdalint/analyzers/notimeout"
	"github.com/lambdalint/lambdalint/analyzers/tmpleak"
)

// All are the checks, in the order help lists them.
var All = []*analysis.Analyzer{
	clientreuse.Analyzer,
	dbpool.Analyzer,
	frozenwork.Analyzer,
	globalstate.Analyzer,
	handlerexit.Analyzer,
	handlersig.Analyzer,
	initwork.Analyzer,
	notimeout.Analyzer,
	tmpleak.Analyzer,
}
