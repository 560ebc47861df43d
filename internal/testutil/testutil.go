// Package testutil prepares the testdata modules of the analyzers'
// tests.
package testutil

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// DownloadModules fetches the dependencies of the module in dir into
// the module cache. analysistest loads a testdata module with the module
// proxy turned off, so the real libraries that the test cases import
// (aws-lambda-go, the AWS SDKs) must be in the cache first.
func DownloadModules(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download in %s failed: %v\n%s", abs, err, out)
	}
	return nil
}

// MainWithModules downloads the modules of the testdata module in dir
// and then runs the tests; it is the body of a TestMain.
func MainWithModules(run func() int, dir string) int {
	if err := DownloadModules(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return run()
}

// CopyDir copies the files under src to a new temporary directory of
// the test and returns it.
func CopyDir(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// Git runs git in dir with a fixed identity and no user configuration.
func Git(t testing.TB, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// FeatureBranch turns dir into a git repository whose main branch has
// the text old in file and whose checked-out branch, feature, replaces
// it with new. It returns the line of the change.
func FeatureBranch(t testing.TB, dir, file, old, new string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), old)
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, old)
	}
	changed := strings.Replace(string(data), old, new, 1)
	Git(t, dir, "init", "-q", "-b", "main")
	Git(t, dir, "add", ".")
	Git(t, dir, "commit", "-q", "-m", "base")
	Git(t, dir, "checkout", "-q", "-b", "feature")
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	Git(t, dir, "commit", "-q", "-am", "change")
	return strings.Count(string(data[:i]), "\n") + 1
}
