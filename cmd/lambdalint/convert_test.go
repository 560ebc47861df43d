package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParsePosition(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want position
		ok   bool
	}{
		{"/a/b.go:3:7", position{"/a/b.go", 3, 7}, true},
		{`C:\src\b.go:10:1`, position{`C:\src\b.go`, 10, 1}, true},
		{"b.go:3", position{}, false},
		{"-", position{}, false},
	} {
		got, ok := parsePosition(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parsePosition(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseDiff(t *testing.T) {
	diff := `diff --git a/x.go b/x.go
--- a/x.go
+++ b/x.go
@@ -3 +3 @@ func f() {
-	old()
+	new()
@@ -10,0 +11,2 @@ func g() {
+	one()
+	two()
@@ -20,3 +22,0 @@ func h() {
diff --git a/gone.go b/gone.go
--- a/gone.go
+++ /dev/null
@@ -1,2 +0,0 @@
diff --git "a/sp ace.go" "b/sp ace.go"
--- "a/sp ace.go"
+++ "b/sp ace.go"
@@ -1 +1 @@
`
	ch := parseDiff("/r", diff)
	x := filepath.Join("/r", "x.go")
	for line, want := range map[int]bool{3: true, 4: false, 10: false, 11: true, 12: true, 13: false, 22: false} {
		if got := ch.keep(position{File: x, Line: line}); got != want {
			t.Errorf("line %d of x.go changed: %v, want %v", line, got, want)
		}
	}
	if ch.keep(position{File: filepath.Join("/r", "gone.go"), Line: 1}) {
		t.Error("a deleted file has changed lines")
	}
	if !ch.keep(position{File: filepath.Join("/r", "sp ace.go"), Line: 1}) {
		t.Error("a quoted file name was not read")
	}
	if ch.keep(position{File: filepath.Join("/r", "other.go"), Line: 1}) {
		t.Error("a file outside the diff has changed lines")
	}
}

func TestUTF16Column(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	// "é" is 2 bytes and 1 UTF-16 unit; "𝄞" is 4 bytes and 2 units.
	if err := os.WriteFile(file, []byte("package a\nvar s = \"é𝄞\" + f()\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := newSources()
	for _, tc := range []struct{ col, want int }{{1, 1}, {10, 10}, {12, 11}, {16, 13}, {18, 15}, {99, 99}} {
		if got := src.utf16Column(position{file, 2, tc.col}); got != tc.want {
			t.Errorf("byte column %d is UTF-16 column %d, want %d", tc.col, got, tc.want)
		}
	}
	if p := src.offsetPosition(file, len("package a\nvar ")); p.Line != 2 || p.Column != 5 {
		t.Errorf("offset of \"s\" is %d:%d, want 2:5", p.Line, p.Column)
	}
}

func TestEscape(t *testing.T) {
	if got := escapeData("50% done\nnext"); got != "50%25 done%0Anext" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a:b,c"); got != "a%3Ab%2Cc" {
		t.Errorf("escapeProperty = %q", got)
	}
}
