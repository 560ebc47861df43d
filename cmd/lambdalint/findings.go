package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A finding is one diagnostic of the driver's JSON output, decoded.
type finding struct {
	Analyzer string
	Pos, End position
	Message  string
	Related  []related
	Fixes    []fix
}

type related struct {
	Pos, End position
	Message  string
}

type fix struct {
	Message string
	Edits   []edit
}

// An edit replaces the bytes [Start, End) of File with New.
type edit struct {
	File       string
	Start, End int
	New        string
}

// A position is a file name with a line and a byte column, both
// counted from 1, as go/token prints them.
type position struct {
	File         string
	Line, Column int
}

func (p position) String() string {
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// parsePosition parses "file:line:col"; the file name may itself
// contain colons.
func parsePosition(s string) (position, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return position{}, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return position{}, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil {
		return position{}, false
	}
	return position{File: s[:j], Line: line, Column: col}, true
}

// The shapes of the driver's -json output: package ID, then analyzer
// name, then either a list of diagnostics or an error.
type jsonDiagnostic struct {
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes"`
	Related        []jsonRelated `json:"related"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// A packageError is an analyzer that failed on a package.
type packageError struct {
	Package, Analyzer, Err string
}

// decodeFindings reads the driver's JSON output. A package and its test
// variant share files, so a finding reported in both is kept once. The
// findings are sorted by position.
func decodeFindings(r io.Reader) ([]finding, []packageError, error) {
	var out []finding
	var errs []packageError
	seen := make(map[string]bool)
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("reading the analysis results: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var failed struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
					errs = append(errs, packageError{pkg, name, failed.Error})
					continue
				}
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, nil, fmt.Errorf("reading the results of %s on %s: %v", name, pkg, err)
				}
				for _, d := range diags {
					f, ok := convert(name, d)
					if !ok {
						continue // no position: nothing to point at
					}
					key := name + "\x00" + d.Posn + "\x00" + d.Message
					if !seen[key] {
						seen[key] = true
						out = append(out, f)
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	sort.Slice(errs, func(i, j int) bool {
		if errs[i].Package != errs[j].Package {
			return errs[i].Package < errs[j].Package
		}
		return errs[i].Analyzer < errs[j].Analyzer
	})
	return out, errs, nil
}

func convert(analyzer string, d jsonDiagnostic) (finding, bool) {
	pos, ok := parsePosition(d.Posn)
	if !ok {
		return finding{}, false
	}
	end, ok := parsePosition(d.End)
	if !ok || end.File != pos.File || end.Line < pos.Line || end.Line == pos.Line && end.Column < pos.Column {
		end = pos
	}
	f := finding{Analyzer: analyzer, Pos: pos, End: end, Message: d.Message}
	for _, r := range d.Related {
		rp, ok := parsePosition(r.Posn)
		if !ok {
			continue
		}
		re, ok := parsePosition(r.End)
		if !ok || re.File != rp.File {
			re = rp
		}
		f.Related = append(f.Related, related{rp, re, r.Message})
	}
	for _, x := range d.SuggestedFixes {
		fx := fix{Message: x.Message}
		for _, e := range x.Edits {
			fx.Edits = append(fx.Edits, edit{e.Filename, e.Start, e.End, e.New})
		}
		f.Fixes = append(f.Fixes, fx)
	}
	return f, true
}

func less(a, b finding) bool {
	switch {
	case a.Pos.File != b.Pos.File:
		return a.Pos.File < b.Pos.File
	case a.Pos.Line != b.Pos.Line:
		return a.Pos.Line < b.Pos.Line
	case a.Pos.Column != b.Pos.Column:
		return a.Pos.Column < b.Pos.Column
	case a.Analyzer != b.Analyzer:
		return a.Analyzer < b.Analyzer
	}
	return a.Message < b.Message
}

// sources reads files once and answers questions about their lines.
type sources struct {
	files map[string][]string
}

func newSources() *sources { return &sources{files: make(map[string][]string)} }

func (s *sources) lines(file string) []string {
	if l, ok := s.files[file]; ok {
		return l
	}
	data, err := os.ReadFile(file)
	var l []string
	if err == nil {
		l = strings.Split(string(data), "\n")
	}
	s.files[file] = l
	return l
}

// line returns line n of file, counted from 1, or "" if there is none.
func (s *sources) line(file string, n int) string {
	l := s.lines(file)
	if n < 1 || n > len(l) {
		return ""
	}
	return strings.TrimSuffix(l[n-1], "\r")
}

// utf16Column converts a byte column of a line to a column counted in
// UTF-16 code units, the unit SARIF uses by default.
func (s *sources) utf16Column(p position) int {
	text := s.line(p.File, p.Line)
	if p.Column-1 > len(text) {
		return p.Column
	}
	n := 1
	for _, r := range text[:p.Column-1] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// offsetPosition converts a byte offset of file to a line and byte
// column.
func (s *sources) offsetPosition(file string, offset int) position {
	line, rest := 1, offset
	for _, text := range s.lines(file) {
		if rest <= len(text) {
			break
		}
		rest -= len(text) + 1
		line++
	}
	return position{File: file, Line: line, Column: rest + 1}
}

// relativeTo returns file relative to root with forward slashes, and
// whether file is inside root.
func relativeTo(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(file), false
	}
	return filepath.ToSlash(rel), true
}
