package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The objects of reviewdog's diagnostic format (rdjsonl: one
// Diagnostic per line). Lines and columns count from 1; columns are
// UTF-8 bytes, as in go/token.
type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Source           rdSource    `json:"source"`
	Code             rdCode      `json:"code"`
	Suggestions      []rdSuggest `json:"suggestions,omitempty"`
	RelatedLocations []rdRelated `json:"related_locations,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggest struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelated struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
}

// writeRDJSONL writes one reviewdog diagnostic per line. Paths are
// relative to root, where reviewdog runs. A suggested fix becomes
// suggestions only when all of its edits are in the finding's file,
// which is what reviewdog can show.
func writeRDJSONL(w io.Writer, fs []finding, urls map[string]string, root string, src *sources) error {
	for _, f := range fs {
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocationOf(f.Pos, f.End, root),
			Severity: "WARNING",
			Source:   rdSource{Name: "lambdalint", URL: "https://github.com/lambdalint/lambdalint"},
			Code:     rdCode{Value: f.Analyzer, URL: urls[f.Analyzer]},
		}
		for _, r := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{Message: strings.TrimSpace(r.Message), Location: rdLocationOf(r.Pos, r.End, root)})
		}
		if len(f.Fixes) > 0 && sameFile(f.Fixes[0], f.Pos.File) {
			for _, e := range f.Fixes[0].Edits {
				start := src.offsetPosition(e.File, e.Start)
				end := src.offsetPosition(e.File, e.End)
				d.Suggestions = append(d.Suggestions, rdSuggest{
					Range: rdRange{Start: rdPosition{start.Line, start.Column}, End: &rdPosition{end.Line, end.Column}},
					Text:  e.New,
				})
			}
		}
		line, err := json.Marshal(d)
		if err != nil {
			return err
		}
		if len(line) >= 64*1024 {
			return fmt.Errorf("the finding at %s is too long for one rdjsonl line", f.Pos)
		}
		if _, err := fmt.Fprintf(w, "%s\n", line); err != nil {
			return err
		}
	}
	return nil
}

func sameFile(x fix, file string) bool {
	for _, e := range x.Edits {
		if e.File != file {
			return false
		}
	}
	return len(x.Edits) > 0
}

func rdLocationOf(pos, end position, root string) rdLocation {
	path, _ := relativeTo(root, pos.File)
	loc := rdLocation{Path: path, Range: rdRange{Start: rdPosition{pos.Line, pos.Column}}}
	if end != pos {
		loc.Range.End = &rdPosition{end.Line, end.Column}
	}
	return loc
}

// writeGitHub writes GitHub Actions workflow commands, which the
// Actions runner shows as annotations on the changed files.
func writeGitHub(w io.Writer, fs []finding, root string) error {
	for _, f := range fs {
		path, _ := relativeTo(root, f.Pos.File)
		props := []string{
			"file=" + escapeProperty(path),
			fmt.Sprintf("line=%d", f.Pos.Line),
			fmt.Sprintf("col=%d", f.Pos.Column),
		}
		if f.End != f.Pos {
			props = append(props, fmt.Sprintf("endLine=%d", f.End.Line), fmt.Sprintf("endColumn=%d", f.End.Column))
		}
		props = append(props, "title="+escapeProperty("lambdalint "+f.Analyzer))
		msg := f.Message
		for _, r := range f.Related {
			rel, _ := relativeTo(root, r.Pos.File)
			msg += fmt.Sprintf("\n%s:%d:%d: %s", rel, r.Pos.Line, r.Pos.Column, strings.TrimSpace(r.Message))
		}
		if _, err := fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
