package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changes holds the lines changed since a git revision: for each file,
// by absolute path, the set of its lines that are new or modified, or
// nil when the whole file is new.
type changes map[string]map[int]bool

// gitRoot returns the top directory of the git work tree that holds
// dir.
func gitRoot(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// changedSince returns the lines of the work tree in root that differ
// from rev. A branch is compared with the point where it left rev (the
// merge base), as a pull request is, so that commits made on rev since
// then count as unchanged. Uncommitted edits and untracked files count
// as changed.
func changedSince(root, rev string) (changes, error) {
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev: %q is not a commit of the git repository in %s", rev, root)
	}
	base := rev
	if out, err := git(root, "merge-base", rev, "HEAD"); err == nil {
		base = strings.TrimSpace(out)
	}
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", base, "--")
	if err != nil {
		return nil, err
	}
	ch := parseDiff(root, diff)
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(untracked, "\x00") {
		if name != "" {
			ch[filepath.Join(root, filepath.FromSlash(name))] = nil
		}
	}
	return ch, nil
}

// parseDiff reads the added lines of a unified diff with no context.
func parseDiff(root, diff string) changes {
	ch := make(changes)
	var file string
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = "" // a deleted file
				continue
			}
			name = unquote(name)
			file = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(name, "b/")))
			if _, ok := ch[file]; !ok {
				ch[file] = make(map[int]bool)
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			start, count, ok := addedRange(line)
			if !ok {
				continue
			}
			for n := start; n < start+count; n++ {
				ch[file][n] = true
			}
		}
	}
	return ch
}

// addedRange parses the "+start,count" part of a hunk header.
func addedRange(header string) (start, count int, ok bool) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, false
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count = 1
	if s, c, found := strings.Cut(spec, ","); found {
		spec = s
		n, err := strconv.Atoi(c)
		if err != nil {
			return 0, 0, false
		}
		count = n
	}
	start, err := strconv.Atoi(spec)
	if err != nil {
		return 0, 0, false
	}
	return start, count, true
}

// unquote undoes git's quoting of unusual file names.
func unquote(name string) string {
	if strings.HasPrefix(name, `"`) {
		if s, err := strconv.Unquote(name); err == nil {
			return s
		}
	}
	return name
}

// keep reports whether a finding at pos lies on a changed line.
func (ch changes) keep(pos position) bool {
	lines, ok := ch[filepath.Clean(pos.File)]
	return ok && (lines == nil || lines[pos.Line])
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out.String(), nil
}
