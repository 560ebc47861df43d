package lambdamodel

import (
	"go/token"
	"sync"
)

// A fault in another package has a position that the file set of the
// package being analysed may not know: the drivers that read
// dependencies from export data load no syntax for them. tokenPos finds
// the file in the file set when it is there, and otherwise adds a small
// stand-in file under the same name whose lines are long enough to hold
// the column, so that every driver prints the right file:line:column.

var standIns sync.Map // fileKey → *token.File

type fileKey struct {
	fset *token.FileSet
	name string
	line int
}

// tokenPos returns a token.Pos in the pass's file set for p.
func (c *Check) tokenPos(p Position) token.Pos {
	if p.File == "" || p.Line <= 0 {
		return token.NoPos
	}
	fset := c.Pass.Fset
	if f := c.knownFile(p.File); f != nil && p.Line <= f.LineCount() {
		start := f.LineStart(p.Line)
		if off := f.Offset(start) + p.Col - 1; off >= 0 && off <= f.Size() {
			if pos := f.Pos(off); f.Line(pos) == p.Line {
				return pos // a real file, or a stand-in of the importer with long enough lines
			}
		}
	}

	key := fileKey{fset, p.File, p.Line}
	if f, ok := standIns.Load(key); ok {
		return standInPos(f.(*token.File), p)
	}
	// Lines 1 … Line-1 are one byte long; the last line holds any column.
	const width = 1 << 16
	lines := make([]int, p.Line)
	for i := range lines {
		lines[i] = i
	}
	f := fset.AddFile(p.File, -1, p.Line-1+width)
	f.SetLines(lines)
	actual, _ := standIns.LoadOrStore(key, f)
	return standInPos(actual.(*token.File), p)
}

func standInPos(f *token.File, p Position) token.Pos {
	col := max(p.Col, 1)
	return f.Pos(min(p.Line-1+col-1, f.Size()))
}

// knownFile returns the file of the pass's file set with the given name,
// if its syntax was loaded.
func (c *Check) knownFile(name string) *token.File {
	if c.files == nil {
		c.files = make(map[string]*token.File)
		c.Pass.Fset.Iterate(func(f *token.File) bool {
			if _, dup := c.files[f.Name()]; !dup {
				c.files[f.Name()] = f
			}
			return true
		})
	}
	return c.files[name]
}
