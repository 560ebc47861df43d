// Package action tests the step of the GitHub Action in action.yml.
package action_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/internal/testutil"
)

var (
	root    = filepath.Join("..")
	example = filepath.Join("..", "testdata", "example")
)

func TestMain(m *testing.M) {
	os.Exit(testutil.MainWithModules(m.Run, example))
}

// runStep runs action/run.sh as action.yml does, in a workspace, and
// returns the file it wrote and the step's outputs.
func runStep(t *testing.T, workspace string, env ...string) (output string, outputs map[string]string) {
	t.Helper()
	source, _ := filepath.Abs(root)
	githubOutput := filepath.Join(t.TempDir(), "github-output")
	cmd := exec.Command(filepath.Join(source, "action", "run.sh"))
	cmd.Dir = workspace
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod",
		"LAMBDALINT_SOURCE="+source, "GITHUB_WORKSPACE="+workspace,
		"GITHUB_OUTPUT="+githubOutput, "RUNNER_TEMP="+t.TempDir())
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the action step failed: %v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(githubOutput)
	if err != nil {
		t.Fatal(err)
	}
	outputs = make(map[string]string)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		outputs[k] = v
	}
	content, err := os.ReadFile(outputs["output"])
	if err != nil {
		t.Fatalf("the step wrote no output file: %v", err)
	}
	return string(content), outputs
}

// TestActionOnPullRequest runs the step on a feature branch that adds
// one fault to the example, as a pull request would.
func TestActionOnPullRequest(t *testing.T) {
	dir := testutil.CopyDir(t, example)
	main := filepath.Join(dir, "cmd", "orders-api", "main.go")
	data, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(data), "dynamo.GetItem(context.Background(), ", "dynamo.GetItem(ctx, ", 1)
	if err := os.WriteFile(main, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	line := testutil.FeatureBranch(t, dir, main, "dynamo.GetItem(ctx, ", "dynamo.GetItem(context.Background(), ")

	out, outputs := runStep(t, dir, "LAMBDALINT_FORMAT=rdjsonl", "LAMBDALINT_NEW_FROM_REV=main", "LAMBDALINT_OUTPUT=results/new.rdjsonl")
	if outputs["findings"] != "1" {
		t.Errorf("findings output %q, want 1", outputs["findings"])
	}
	if outputs["output"] != filepath.Join(dir, "results", "new.rdjsonl") {
		t.Errorf("output %q, want results/new.rdjsonl in the workspace", outputs["output"])
	}
	var d struct {
		Location struct {
			Path  string
			Range struct{ Start struct{ Line int } }
		}
		Code struct{ Value string }
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not one rdjsonl line: %v\n%s", err, out)
	}
	if d.Location.Path != "cmd/orders-api/main.go" || d.Location.Range.Start.Line != line || d.Code.Value != "notimeout" {
		t.Errorf("finding %+v, want notimeout at cmd/orders-api/main.go:%d", d, line)
	}

	out, outputs = runStep(t, dir, "LAMBDALINT_FORMAT=sarif")
	var log struct {
		Runs []struct {
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("invalid SARIF: %v\n%s", err, out)
	}
	if n := len(log.Runs[0].Results); n < 2 || outputs["findings"] != strconv.Itoa(n) {
		t.Errorf("%d SARIF results, findings output %q; want all the example's findings, counted", n, outputs["findings"])
	}
}

// TestActionInputs checks that every input of action.yml reaches the
// step, as a LAMBDALINT_ variable that run.sh reads.
func TestActionInputs(t *testing.T) {
	yml, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(root, "action", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := bytes.Cut(yml, []byte("\ninputs:\n"))
	section, _, _ = bytes.Cut(section, []byte("\noutputs:\n"))
	inputs := regexp.MustCompile(`(?m)^  ([a-z-]+):\n    description:`).FindAllSubmatch(section, -1)
	if len(inputs) == 0 {
		t.Fatal("no inputs found in action.yml")
	}
	for _, in := range inputs {
		name := string(in[1])
		m := regexp.MustCompile(`(LAMBDALINT_\w+): \$\{\{ inputs\.` + regexp.QuoteMeta(name) + ` \}\}`).FindSubmatch(yml)
		if m == nil {
			t.Errorf("input %s is not passed to the step", name)
			continue
		}
		if !bytes.Contains(script, append([]byte("$"), m[1]...)) && !bytes.Contains(script, append([]byte("${"), m[1]...)) {
			t.Errorf("run.sh does not read %s (input %s)", m[1], name)
		}
	}
}
