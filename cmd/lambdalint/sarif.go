package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The SARIF 2.1.0 objects that lambdalint writes; see the OASIS
// standard for the meaning of each property.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

const srcroot = "%SRCROOT%"

// writeSARIF writes the findings as one SARIF run with a rule per
// analyzer. Paths inside root are relative to %SRCROOT%, which stands
// for root. Columns count UTF-16 code units.
func writeSARIF(w io.Writer, fs []finding, analyzers []*analysis.Analyzer, root string, src *sources) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "lambdalint",
			InformationURI: "https://github.com/lambdalint/lambdalint",
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcroot: {URI: fileURI(root) + "/"}},
		Results:            []sarifResult{},
		ColumnKind:         "utf16CodeUnits",
	}
	index := make(map[string]int)
	for _, a := range analyzers {
		index[a.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(a))
	}
	counts := make(map[string]int) // occurrences of a fingerprint so far
	for _, f := range fs {
		i, ok := index[f.Analyzer]
		if !ok {
			continue // an analyzer outside the suite, such as the model
		}
		res := sarifResult{
			RuleID:    f.Analyzer,
			RuleIndex: i,
			Level:     run.Tool.Driver.Rules[i].DefaultConfiguration.Level,
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{sarifLocationOf(f.Pos, f.End, root, src)},
		}
		for k, r := range f.Related {
			loc := sarifLocationOf(r.Pos, r.End, root, src)
			id := k + 1
			loc.ID, loc.Message = &id, &sarifText{Text: r.Message}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		key := fingerprint(f, root, src)
		counts[key]++
		res.PartialFingerprints = map[string]string{"primaryLocationLineHash": key + ":" + strconv.Itoa(counts[key])}
		for _, x := range f.Fixes {
			res.Fixes = append(res.Fixes, sarifFixOf(x, root))
		}
		run.Results = append(run.Results, res)
	}
	out := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func sarifRuleOf(a *analysis.Analyzer) sarifRule {
	short, _, _ := strings.Cut(a.Doc, "\n\n")
	short = strings.Join(strings.Fields(short), " ")
	if i := strings.Index(short, ": "); i >= 0 && !strings.Contains(short[:i], " ") {
		short = short[i+2:] // the "name: summary" form of the first line
	}
	full := firstParagraphs(a.Doc, 2)
	return sarifRule{
		ID:               a.Name,
		Name:             a.Name,
		ShortDescription: sarifText{Text: short},
		FullDescription:  sarifText{Text: full},
		Help: sarifText{
			Text:     a.Doc + "\n\nDocumentation: " + a.URL,
			Markdown: "```\n" + a.Doc + "\n```\n\n[Documentation of " + a.Name + "](" + a.URL + ")",
		},
		HelpURI:              a.URL,
		DefaultConfiguration: sarifRuleConfig{Level: "warning"},
		Properties: map[string]any{
			"tags":      []string{"aws-lambda", "reliability"},
			"precision": "high",
		},
	}
}

// firstParagraphs returns the first n paragraphs of doc, each joined
// into one line.
func firstParagraphs(doc string, n int) string {
	paras := strings.Split(doc, "\n\n")
	if len(paras) > n {
		paras = paras[:n]
	}
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

func sarifLocationOf(pos, end position, root string, src *sources) sarifLocation {
	region := sarifRegion{StartLine: pos.Line, StartColumn: src.utf16Column(pos)}
	if end != pos {
		region.EndLine, region.EndColumn = end.Line, src.utf16Column(end)
	}
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: artifactOf(pos.File, root),
		Region:           region,
	}}
}

func sarifFixOf(x fix, root string) sarifFix {
	out := sarifFix{Description: sarifText{Text: x.Message}}
	byFile := make(map[string]int)
	for _, e := range x.Edits {
		i, ok := byFile[e.File]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifactOf(e.File, root)})
		}
		off, n := e.Start, e.End-e.Start
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, sarifReplacement{
			DeletedRegion:   sarifRegion{ByteOffset: &off, ByteLength: &n},
			InsertedContent: sarifText{Text: e.New},
		})
	}
	return out
}

func artifactOf(file, root string) sarifArtifactLocation {
	if rel, ok := relativeTo(root, file); ok {
		return sarifArtifactLocation{URI: escapePath(rel), URIBaseID: srcroot}
	}
	return sarifArtifactLocation{URI: fileURI(file)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return "file://" + escapePath(p)
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// fingerprint identifies a finding by its message and the text of its
// line, not by the line's number, so that it survives edits above it.
// Findings with the same fingerprint are told apart by the caller with
// a count.
func fingerprint(f finding, root string, src *sources) string {
	rel, _ := relativeTo(root, f.Pos.File)
	h := sha256.New()
	for _, s := range []string{f.Analyzer, rel, strings.TrimSpace(src.line(f.Pos.File, f.Pos.Line)), f.Message} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
