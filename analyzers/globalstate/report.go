package globalstate

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lambdalint/lambdalint/analyzers/internal/lambdamodel"
)

// report reports the writes of request data that handler code makes.
func (c *checker) report() {
	var diags []analysis.Diagnostic
	seen := make(map[string]bool)
	add := func(d analysis.Diagnostic) {
		key := c.pass.Fset.Position(d.Pos).String() + "\x00" + d.Message
		if !seen[key] {
			seen[key] = true
			diags = append(diags, d)
		}
	}

	for _, root := range c.model.Handlers {
		switch {
		case root.Foreign != nil:
			c.reportForeignRoot(root, add)
		case root.Local != nil:
			if f := c.flows[root.Local]; f != nil {
				for _, s := range f.sinks {
					if s.labels&handlerInputs(root.Local) != 0 {
						add(c.diagnostic(s, root))
					}
				}
			}
		}
	}
	// Request data read inside handler code, from its context.
	all := func(lambdamodel.EdgeKind) bool { return true }
	for _, fn := range c.model.Reach(c.model.Handlers, all) {
		if f := c.flows[fn]; f != nil {
			for _, s := range f.sinks {
				if s.labels&request != 0 {
					add(c.diagnostic(s, lambdamodel.Root{}))
				}
			}
		}
	}

	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, d := range diags {
		c.pass.Report(d)
	}
}

// handlerInputs returns the labels that are request data in a handler:
// its parameters that carry data, and what it reads from its context.
func handlerInputs(fn *ssa.Function) labels {
	l := request
	for i, p := range fn.Params {
		if i < maxInputs-1 && carriesData(p.Type()) {
			l |= 1 << i
		}
	}
	return l
}

// reportForeignRoot reports the writes of a handler declared in another
// package at its registration.
func (c *checker) reportForeignRoot(root lambdamodel.Root, add func(analysis.Diagnostic)) {
	if lambdamodel.IsHandler(c.pass, root.Foreign) {
		return // reported in its own package
	}
	fact := c.fact(root.Foreign)
	if fact == nil {
		return
	}
	var inputs labels = request
	sig := root.Foreign.Signature()
	offset := 0
	if sig.Recv() != nil {
		offset = 1 // parameter 0 is the receiver, which is not request data
	}
	for i := range sig.Params().Len() {
		if carriesData(sig.Params().At(i).Type()) {
			inputs |= 1 << (i + offset)
		}
	}
	first := lambdamodel.Step{Callee: lambdamodel.QualifiedName(root.Foreign), Pos: c.check.Position(root.Pos)}
	for _, s := range fact.Sinks {
		if labels(s.Inputs)&inputs != 0 {
			add(c.diagnostic(sink{pos: root.Pos, target: s.Target, chain: append([]lambdamodel.Step{first}, s.Chain...), site: s.Site}, root))
		}
	}
}

// diagnostic turns a sink into a report.
func (c *checker) diagnostic(s sink, root lambdamodel.Root) analysis.Diagnostic {
	msg := "request data stored in " + s.target + " (the next invocation in this environment sees it)"
	if s.once {
		msg = "request data stored in " + s.target + " by a sync.Once body (the first caller's data then serves every later invocation)"
	}
	var related []analysis.RelatedInformation
	if root.Local != nil {
		related = append(related, analysis.RelatedInformation{Pos: root.Pos, Message: "reached from " + root.Kind + " " + lambdamodel.Name(root.Local)})
	}
	for _, st := range s.path {
		related = append(related, analysis.RelatedInformation{Pos: st.pos, Message: "calls " + st.callee})
	}
	if len(s.chain) > 0 {
		names := make([]string, len(s.chain))
		for i, st := range s.chain {
			names[i] = strings.TrimPrefix(st.Callee, c.pass.Pkg.Name()+".")
			if i > 0 {
				related = append(related, analysis.RelatedInformation{Pos: c.check.TokenPos(st.Pos), Message: "calls " + st.Callee})
			}
		}
		msg += " (via " + strings.Join(names, " → ") + ")"
		if pos := c.check.TokenPos(s.site); pos.IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: pos, Message: "the write into " + s.target})
		}
	}
	pos := s.pos
	if !pos.IsValid() {
		pos = root.Pos // a write behind a wrapper, which has no syntax of its own
	}
	related = slices.DeleteFunc(related, func(r analysis.RelatedInformation) bool { return !r.Pos.IsValid() })
	return analysis.Diagnostic{Pos: pos, Message: msg, Related: related}
}
