#!/usr/bin/env bash
# check.sh runs the repository's pre-commit hooks, from a local clone, on
# a copy of the example module (they must fail on its findings) and on a
# module without faults (they must pass). It installs pre-commit from
# Debian's packages when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit" GOWORK=off

if ! command -v pre-commit >/dev/null; then
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends pre-commit >/dev/null
fi

# The hooks install lambdalint from a clone of this repository at HEAD.
git clone -q "$root" "$work/hooks"

fail() {
	echo "pre-commit: $*" >&2
	exit 1
}

# repo makes a git repository of a directory, as pre-commit needs.
repo() {
	git -C "$1" init -q
	git -C "$1" add -A
	git -C "$1" -c user.email=ci@lambdalint.invalid -c user.name=ci commit -qm "code under test"
}

cp -r "$root/testdata/example" "$work/faulty"
repo "$work/faulty"
mkdir -p "$work/clean"
cat >"$work/clean/go.mod" <<'MOD'
module example.test/clean

go 1.26
MOD
cat >"$work/clean/clean.go" <<'GO'
// Package clean has nothing for lambdalint to report.
package clean

// Double returns twice n.
func Double(n int) int { return 2 * n }
GO
repo "$work/clean"

for hook in lambdalint lambdalint-vet; do
	if (cd "$work/faulty" && pre-commit try-repo "$work/hooks" "$hook" --all-files >"$work/out.txt" 2>&1); then
		cat "$work/out.txt"
		fail "hook $hook passed on the example, whose faults it must report"
	fi
	grep -q "drops the handler's deadline" "$work/out.txt" || fail "hook $hook did not print the findings"
	(cd "$work/clean" && pre-commit try-repo "$work/hooks" "$hook" --all-files >"$work/out.txt" 2>&1) ||
		{ cat "$work/out.txt"; fail "hook $hook failed on a module without faults"; }
	echo "pre-commit: hook $hook ok"
done
