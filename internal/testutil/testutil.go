// Package testutil prepares the testdata modules of the analyzers'
// tests.
package testutil

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
