package lambdamodel

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A summary keeps at most maxSites sites per message, those with the
// shortest chains, and at most maxMessages messages, so that facts stay
// small on large call graphs. A fault records that sites were dropped
// behind it, and the report mentions them.
const (
	maxSites    = 6
	maxMessages = 12
)

// maxRounds bounds the propagation of summaries within a package. A
// chain of calls deeper than this inside one package may lose faults.
const maxRounds = 64

// Position is a source position that can be stored in a fact.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string {
	return p.File + ":" + itoa(p.Line) + ":" + itoa(p.Col)
}

// Step is one call on the way from a summarised function to a fault.
type Step struct {
	Callee string   // the function called, qualified by its package name
	Pos    Position // the call
}

// Fault is a finding of a check, as seen from a function that leads to
// it. Its fields are exported so that facts holding it can be encoded.
type Fault struct {
	Message string   // the fault at Site, without the chain
	Site    Position // the position of the fault
	Chain   []Step   // the calls from the summarised function to Site
	More    bool     // other sites with this message were dropped from the summary
}

// Summary is the set of faults that a call of a function causes, for one
// check. Checks
// embed it in their fact types.
type Summary struct {
	Faults []Fault // caused by the call itself

	// Served are the faults of the code that the call hands out to run
	// later: the funcs it returns and the routes it registers. They
	// happen when a handler runs that code.
	Served []Fault
}

func (s *Summary) String() string {
	var b strings.Builder
	for i, f := range s.Faults {
		if i > 0 {
			b.WriteString("; ")
		}
		writeFault(&b, f)
	}
	for i, f := range s.Served {
		if i > 0 || len(s.Faults) > 0 {
			b.WriteString("; ")
		}
		b.WriteString("served: ")
		writeFault(&b, f)
	}
	return b.String()
}

func writeFault(b *strings.Builder, f Fault) {
	b.WriteString(f.Message)
	if len(f.Chain) > 0 {
		b.WriteString(" (via " + chainNames(f.Chain) + ")")
	}
}

// LocalFault is a fault that an instruction of this package causes by
// itself.
type LocalFault struct {
	Instr    ssa.Instruction // the instruction, to place it inside or outside INIT
	Pos, End token.Pos
	Message  string
	Fixes    []analysis.SuggestedFix
}

// Check is the interface between one analyzer and the model.
type Check struct {
	Pass  *analysis.Pass
	Model *Model

	// Local returns the faults that the instructions of fn cause by
	// themselves, calls into the standard library and catalogued
	// modules included.
	Local func(fn *ssa.Function) []LocalFault

	// Imported returns the summary of a function declared in another
	// package, usually from a fact, or nil.
	Imported func(fn *types.Func) *Summary

	// Follow reports whether faults reach a caller through edges of
	// the kind.
	Follow func(EdgeKind) bool

	// Export stores the summary of a function of this package as a
	// fact.
	Export func(fn *types.Func, sum *Summary)

	// Accept, when set, reports whether the user accepts every call of
	// fn as it is: nothing is reported through it.
	Accept func(fn *types.Func) bool

	// Roots are the entry points whose faults this package reports.
	// Summaries do not pass through them, so that a dependent calling
	// a function that registers a handler does not report the
	// handler's faults a second time.
	Roots []Root

	reported map[string]bool // "position\x00message" of each diagnostic
	pending  []analysis.Diagnostic
	local    map[*ssa.Function][]LocalFault
	files    map[string]*token.File
	faults   map[*ssa.Function][]Fault // Summary.Faults of each function
	served   map[*ssa.Function][]Fault // Summary.Served of each function
}

// localFaults returns the memoised result of c.Local.
func (c *Check) localFaults(fn *ssa.Function) []LocalFault {
	if c.local == nil {
		c.local = make(map[*ssa.Function][]LocalFault)
	}
	lf, ok := c.local[fn]
	if !ok {
		lf = c.Local(fn)
		c.local[fn] = lf
	}
	return lf
}

// imported returns the summary of a foreign function, an empty one for
// a handler whose faults its own package reports.
func (c *Check) imported(fn *types.Func) *Summary {
	if fn == nil || IsHandler(c.Pass, fn) || c.accepted(fn) {
		return &Summary{}
	}
	if sum := c.Imported(fn); sum != nil {
		return sum
	}
	return &Summary{}
}

// accepted reports whether the user accepts calls of fn.
func (c *Check) accepted(fn *types.Func) bool {
	return c.Accept != nil && fn != nil && c.Accept(fn)
}

// acceptedLocal reports whether the user accepts calls of a function of
// this package.
func (c *Check) acceptedLocal(fn *ssa.Function) bool {
	obj, _ := fn.Object().(*types.Func)
	return fn.Synthetic == "" && c.accepted(obj)
}

// Summarise computes the summary of every function of the package and
// exports those of the functions other packages can call.
func (c *Check) Summarise() {
	m := c.Model
	isRoot := make(map[*ssa.Function]bool)
	for _, r := range c.Roots {
		isRoot[r.Local] = true
	}
	calls := func(e Edge) bool { return e.Kind != HandOut && c.Follow(e.Kind) }

	// Faults: what a call causes, through the calls it makes.
	c.faults = make(map[*ssa.Function][]Fault)
	for _, fn := range m.Funcs {
		var faults []Fault
		for _, lf := range c.localFaults(fn) {
			faults = append(faults, Fault{Message: lf.Message, Site: c.position(lf.Pos)})
		}
		for _, e := range m.Edges[fn] {
			if e.Foreign != nil && calls(e) {
				faults = append(faults, c.extendAll(c.imported(e.Foreign).Faults, e.Foreign, e.Pos)...)
			}
		}
		c.faults[fn] = normalise(faults)
	}
	c.propagate(c.faults, func(e Edge) bool { return calls(e) && !isRoot[e.Local] && !c.acceptedLocal(e.Local) })

	// Served: what the code that a call hands out causes when it runs.
	c.served = make(map[*ssa.Function][]Fault)
	for _, fn := range m.Funcs {
		var served []Fault
		for _, e := range m.Edges[fn] {
			switch {
			case e.Kind == HandOut && e.Local != nil && !isRoot[e.Local]:
				for _, f := range c.faults[e.Local] {
					served = append(served, c.extendLocal(f, e.Local, e.Pos))
				}
			case e.Foreign != nil && calls(e):
				served = append(served, c.extendAll(c.imported(e.Foreign).Served, e.Foreign, e.Pos)...)
			}
		}
		c.served[fn] = normalise(served)
	}
	c.propagate(c.served, func(e Edge) bool { return calls(e) && !isRoot[e.Local] })

	if c.Pass.Pkg.Name() == "main" {
		return // no other package imports it
	}
	for _, fn := range m.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Synthetic != "" || fn.Parent() != nil || !obj.Exported() {
			continue // not callable from another package
		}
		if len(c.faults[fn]) > 0 || len(c.served[fn]) > 0 {
			c.Export(obj, &Summary{Faults: c.faults[fn], Served: c.served[fn]})
		}
	}
}

// propagate adds to each function's faults in sums those of the local
// callees it reaches through edges that follow accepts, until nothing
// changes. Dropping faults beyond maxFaults can make the sets cycle on
// recursive call graphs, so the rounds are bounded too.
func (c *Check) propagate(sums map[*ssa.Function][]Fault, follow func(Edge) bool) {
	m := c.Model
	for round, changed := 0, true; changed && round < maxRounds; round++ {
		changed = false
		for _, fn := range m.Funcs {
			faults := slices.Clone(sums[fn])
			for _, e := range m.Edges[fn] {
				if e.Local == nil || !follow(e) {
					continue // not a local call that carries faults
				}
				for _, f := range sums[e.Local] {
					faults = append(faults, c.extendLocal(f, e.Local, e.Pos))
				}
			}
			faults = normalise(faults)
			if !slices.EqualFunc(faults, sums[fn], equalFault) {
				sums[fn] = faults
				changed = true
			}
		}
	}
}

// Report reports the faults reachable from the roots: local faults where
// they happen, faults in other packages at the first call on the path.
func (c *Check) Report(roots []Root) {
	report := c.reporter()

	for i := range roots {
		root := &roots[i]
		if root.Foreign != nil {
			c.reportCall(root.Foreign, c.imported(root.Foreign).Faults, root.Pos, nil, report)
			continue
		}
		c.reportFrom(root, report)
	}
}

// ReportServed reports, in a package that serves handlers, the faults of
// the code that its INIT code obtains from other packages and hands to
// the platform: a handler returned by a factory, or the routes of a
// router built elsewhere. They are reported at the call in INIT code
// that obtains that code.
func (c *Check) ReportServed() {
	m := c.Model
	if !m.Serves {
		return
	}
	blocking := func(k EdgeKind) bool { return k == Call || k == Defer || k == GoJoined }
	for i := range m.Init {
		root := &m.Init[i]
		for _, fn := range m.Reach([]Root{*root}, blocking) {
			for _, e := range m.Edges[fn] {
				if e.Foreign == nil || !blocking(e.Kind) || fn == root.Local && !root.Includes(e.Instr) {
					continue // not a call of another package during INIT
				}
				c.reportCall(e.Foreign, c.imported(e.Foreign).Served, e.Pos, nil, c.reporter())
			}
		}
	}
}

// reportFrom walks the local call graph from root and reports what it
// reaches.
func (c *Check) reportFrom(root *Root, report func(analysis.Diagnostic)) {
	type visit struct {
		fn   *ssa.Function
		path []analysis.RelatedInformation
		at   token.Pos // where the path entered fn
	}
	start := []analysis.RelatedInformation{{Pos: root.Pos, Message: "reached from " + root.Kind + " " + c.name(root.Local)}}
	seen := map[*ssa.Function]bool{root.Local: true}
	queue := []visit{{root.Local, start, root.Pos}}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		inRoot := v.fn == root.Local
		for _, lf := range c.localFaults(v.fn) {
			if inRoot && !root.Includes(lf.Instr) {
				continue // after INIT ends
			}
			d := analysis.Diagnostic{Pos: lf.Pos, End: lf.End, Message: lf.Message, SuggestedFixes: lf.Fixes}
			d.Related = v.path
			report(d)
		}
		for _, e := range c.Model.Edges[v.fn] {
			if !c.Follow(e.Kind) || inRoot && !root.Includes(e.Instr) {
				continue // not followed, or after INIT ends
			}
			if e.Local != nil {
				// Code handed out during an invocation, such as a
				// router built per request, runs in that invocation.
				if !seen[e.Local] {
					seen[e.Local] = true
					path := v.path
					if v.fn.Synthetic == "" {
						path = append(slices.Clip(v.path), analysis.RelatedInformation{Pos: e.Pos, Message: "calls " + c.name(e.Local)})
					}
					queue = append(queue, visit{e.Local, path, e.Pos})
				}
				continue
			}
			pos := e.Pos
			if v.fn.Synthetic != "" {
				pos = v.at // a wrapper has no syntax of its own: report where it is used
			}
			sum := c.imported(e.Foreign)
			c.reportCall(e.Foreign, append(slices.Clip(sum.Faults), sum.Served...), pos, v.path, report)
		}
	}
}

// reporter returns a function that reports a diagnostic once.
func (c *Check) reporter() func(analysis.Diagnostic) {
	if c.reported == nil {
		c.reported = make(map[string]bool)
	}
	return func(d analysis.Diagnostic) {
		key := c.Pass.Fset.Position(d.Pos).String() + "\x00" + d.Message
		if c.reported[key] {
			return
		}
		c.reported[key] = true
		c.pending = append(c.pending, d)
	}
}

// Flush reports the diagnostics of Report and ReportServed in the order
// of their positions.
func (c *Check) Flush() {
	slices.SortStableFunc(c.pending, func(a, b analysis.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Message, b.Message))
	})
	for _, d := range c.pending {
		d.Related = slices.DeleteFunc(d.Related, func(r analysis.RelatedInformation) bool { return !r.Pos.IsValid() })
		c.Pass.Report(d)
	}
	c.pending = nil
}

// reportCall reports the faults that a call of a foreign function at
// pos leads to. Faults with the same message become one diagnostic that
// names the shortest chain and counts the others, whose sites are
// listed as related information.
func (c *Check) reportCall(callee *types.Func, faults []Fault, pos token.Pos, path []analysis.RelatedInformation, report func(analysis.Diagnostic)) {
	c.reportGrouped(c.extendAll(faults, callee, pos), pos, path, report)
}

// reportGrouped reports faults whose chains start with the call at pos,
// one diagnostic per message.
func (c *Check) reportGrouped(faults []Fault, pos token.Pos, path []analysis.RelatedInformation, report func(analysis.Diagnostic)) {
	faults = normalise(faults)
	for len(faults) > 0 {
		n := 1
		for n < len(faults) && faults[n].Message == faults[0].Message {
			n++
		}
		group := faults[:n]
		faults = faults[n:]

		best := slices.MinFunc(group, func(a, b Fault) int { return cmp.Compare(len(a.Chain), len(b.Chain)) })
		more := slices.ContainsFunc(group, func(f Fault) bool { return f.More })
		d := c.diagnostic(best, pos, len(group)-1, more)
		d.Related = append(slices.Clip(path), d.Related...)
		for _, f := range group {
			if f.Site != best.Site {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.tokenPos(f.Site), Message: "also reached via " + c.localChainNames(f.Chain)})
			}
		}
		report(d)
	}
}

// diagnostic turns a fault that a call at pos leads to into a report at
// pos, with each step of the chain as related information. others is
// the number of other sites with the same fault behind the call, and
// more is set when the summaries dropped further ones.
func (c *Check) diagnostic(f Fault, pos token.Pos, others int, more bool) analysis.Diagnostic {
	via := " (via " + c.localChainNames(f.Chain)
	switch {
	case more && others == 0:
		via += ", and more calls like it)"
	case more:
		via += ", and over " + itoa(others) + " more calls like it)"
	case others == 0:
		via += ")"
	case others == 1:
		via += ", and 1 more call like it)"
	default:
		via += ", and " + itoa(others) + " more calls like it)"
	}
	d := analysis.Diagnostic{Pos: pos, Message: f.Message + via}
	for i, s := range f.Chain {
		if i == 0 {
			continue // the reported call itself
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.tokenPos(s.Pos), Message: "calls " + s.Callee})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.tokenPos(f.Site), Message: f.Message})
	return d
}

// extendAll prepends the call of a foreign function at pos to the
// chains of faults.
func (c *Check) extendAll(faults []Fault, callee *types.Func, pos token.Pos) []Fault {
	out := make([]Fault, len(faults))
	for i, f := range faults {
		out[i] = c.extend(f, callee, pos)
	}
	return out
}

// extend prepends the call of a foreign function at pos to f's chain.
func (c *Check) extend(f Fault, callee *types.Func, pos token.Pos) Fault {
	return prepend(f, Step{Callee: QualifiedName(callee), Pos: c.position(pos)})
}

// extendLocal prepends the call of a function of this package.
func (c *Check) extendLocal(f Fault, callee *ssa.Function, pos token.Pos) Fault {
	return prepend(f, Step{Callee: c.Pass.Pkg.Name() + "." + c.name(callee), Pos: c.position(pos)})
}

func prepend(f Fault, s Step) Fault {
	f.Chain = append([]Step{s}, f.Chain...)
	return f
}

func (c *Check) name(fn *ssa.Function) string { return Name(fn) }

// Name returns the name of fn in messages of its own package: as a
// stack trace names it, without the package (handler, (*T).M,
// handler.func1).
func Name(fn *ssa.Function) string {
	if fn == nil {
		return "?"
	}
	if fn.Parent() != nil {
		for i, anon := range fn.Parent().AnonFuncs {
			if anon == fn {
				return Name(fn.Parent()) + ".func" + itoa(i+1)
			}
		}
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		if fn.Synthetic != "" && strings.HasSuffix(fn.Name(), "$bound") {
			return funcName(obj)
		}
		if fn.Synthetic == "" {
			return funcName(obj)
		}
	}
	return strings.TrimSuffix(fn.Name(), "$bound")
}

// QualifiedName names a function for messages outside its package as a
// stack trace does: pkg.Func, pkg.Type.Method or pkg.(*Type).Method.
func QualifiedName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + funcName(fn)
}

// funcName names a function without its package: Func or Type.Method.
func funcName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	T := recv.Type()
	ptr := false
	if p, ok := T.(*types.Pointer); ok {
		T, ptr = p.Elem(), true
	}
	n, ok := types.Unalias(T).(*types.Named)
	switch {
	case !ok:
		return fn.Name()
	case ptr:
		return "(*" + n.Obj().Name() + ")." + fn.Name()
	}
	return n.Obj().Name() + "." + fn.Name()
}

// position converts a position of this package for storing in a fact.
func (c *Check) position(pos token.Pos) Position {
	p := c.Pass.Fset.Position(pos)
	return Position{File: p.Filename, Line: p.Line, Col: p.Column}
}

func chainNames(chain []Step) string {
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = s.Callee
	}
	return strings.Join(names, " → ")
}

// localChainNames is chainNames without the qualifier of the package
// being analysed.
func (c *Check) localChainNames(chain []Step) string {
	prefix := c.Pass.Pkg.Name() + "."
	names := make([]string, len(chain))
	for i, s := range chain {
		names[i] = strings.TrimPrefix(s.Callee, prefix)
	}
	return strings.Join(names, " → ")
}

// normalise removes duplicate faults, keeping the shortest chain, sorts
// them, and keeps at most maxSites sites per message and maxMessages
// messages.
func normalise(faults []Fault) []Fault {
	if len(faults) == 0 {
		return nil
	}
	faults = slices.Clone(faults)
	slices.SortStableFunc(faults, func(a, b Fault) int {
		return cmp.Or(
			cmp.Compare(a.Message, b.Message),
			comparePos(a.Site, b.Site),
			cmp.Compare(len(a.Chain), len(b.Chain)),
			cmp.Compare(chainNames(a.Chain), chainNames(b.Chain)),
		)
	})
	unique := faults[:0:0]
	for _, f := range faults {
		if n := len(unique); n > 0 && unique[n-1].Message == f.Message && unique[n-1].Site == f.Site {
			unique[n-1].More = unique[n-1].More || f.More
			continue // a longer way to the same fault
		}
		unique = append(unique, f)
	}

	var out []Fault
	messages := 0
	for len(unique) > 0 && messages < maxMessages {
		n := 1
		for n < len(unique) && unique[n].Message == unique[0].Message {
			n++
		}
		group := unique[:n]
		unique = unique[n:]
		messages++
		if len(group) > maxSites {
			slices.SortStableFunc(group, func(a, b Fault) int { return cmp.Compare(len(a.Chain), len(b.Chain)) })
			group = slices.Clone(group[:maxSites])
			group[0].More = true
			slices.SortStableFunc(group, func(a, b Fault) int { return comparePos(a.Site, b.Site) })
		}
		out = append(out, group...)
	}
	return out
}

func comparePos(a, b Position) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

func equalFault(a, b Fault) bool {
	return a.Message == b.Message && a.Site == b.Site && a.More == b.More && slices.Equal(a.Chain, b.Chain)
}

func itoa(i int) string { return strconv.Itoa(i) }

// Position converts a position of this package for storing in a fact.
func (c *Check) Position(pos token.Pos) Position { return c.position(pos) }

// TokenPos returns a token.Pos in the pass's file set for a position
// stored in a fact, which may lie in another package.
func (c *Check) TokenPos(p Position) token.Pos { return c.tokenPos(p) }
