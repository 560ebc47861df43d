package checks_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/doc/comment"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/internal/checks"
)

var update = flag.Bool("update", false, "rewrite the pages under docs/ from the analyzers' documentation")

// docs is the directory of the documentation pages.
var docs = filepath.Join("..", "..", "docs")

// page renders the documentation page of a check: its Doc as Markdown,
// its flags and how to suppress a finding.
func page(a *analysis.Analyzer) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", a.Name)
	fmt.Fprintf(&b, "<!-- Generated from analyzers/%s/doc.go by: go test ./internal/checks -update -->\n\n", a.Name)
	var p comment.Parser
	pr := comment.Printer{HeadingLevel: 2}
	b.WriteString(fenceCode(string(pr.Markdown(p.Parse(a.Doc)))))

	if strings.Contains(a.Doc, "\nFlags:") {
		// The documentation describes its flags itself.
		return withSuppression(&b, a)
	}
	b.WriteString("\n## Flags\n\n")
	n := 0
	a.Flags.VisitAll(func(f *flag.Flag) {
		n++
		fmt.Fprintf(&b, "- `-%s.%s`: %s", a.Name, f.Name, f.Usage)
		if f.DefValue != "" {
			fmt.Fprintf(&b, " (default `%s`)", f.DefValue)
		}
		b.WriteString(".\n")
	})
	if n == 0 {
		b.WriteString("None.\n")
	}
	return withSuppression(&b, a)
}

// withSuppression ends the page with how to suppress a finding.
func withSuppression(b *bytes.Buffer, a *analysis.Analyzer) []byte {
	fmt.Fprintf(b, "\n## Suppressing a finding\n\n"+
		"Write `//lambdalint:ignore %[1]s <reason>` at the end of the reported line or on the line above it; "+
		"under golangci-lint and nogo, `//nolint:%[1]s` works too. See [suppressing findings](suppressing.md).\n", a.Name)
	return b.Bytes()
}

// fenceCode turns the indented code blocks of Markdown into fenced Go
// blocks, which web viewers highlight.
func fenceCode(md string) string {
	var out []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		code, isCode := strings.CutPrefix(line, "\t")
		switch {
		case isCode && !in:
			out = append(out, "```go")
			in = true
		case !isCode && in && line != "":
			// Close the fence before the blank line that ends the block.
			if n := len(out); out[n-1] == "" {
				out = append(out[:n-1], "```", "")
			} else {
				out = append(out, "```")
			}
			in = false
		}
		if isCode {
			line = code
		}
		out = append(out, line)
	}
	if in {
		out = append(out, "```")
	}
	return strings.Join(out, "\n")
}

func TestDocPages(t *testing.T) {
	for _, a := range checks.All {
		file := filepath.Join(docs, a.Name+".md")
		want := page(a)
		if *update {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is missing or out of date: run go test ./internal/checks -update", file)
		}
	}
}

// TestDocLinks checks that every check links to its page and that the
// pages that the links and directives point to exist.
func TestDocLinks(t *testing.T) {
	for _, a := range checks.All {
		if want := "https://github.com/lambdalint/lambdalint/blob/main/docs/" + a.Name + ".md"; a.URL != want {
			t.Errorf("%s links to %s, want %s", a.Name, a.URL, want)
		}
		for _, section := range []string{"Wrong", "Not reported"} {
			if !strings.Contains(a.Doc, section) {
				t.Errorf("the documentation of %s has no %q part", a.Name, section)
			}
		}
		if !strings.Contains(a.Doc, "Fix") && !strings.Contains(a.Doc, "Right") {
			t.Errorf("the documentation of %s shows no right code (a \"Fix\" or \"Right\" part)", a.Name)
		}
	}
	for _, name := range []string{"suppressing", "nogo"} {
		if _, err := os.Stat(filepath.Join(docs, name+".md")); err != nil {
			t.Error(err)
		}
	}
}
