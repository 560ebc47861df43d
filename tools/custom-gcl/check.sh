#!/usr/bin/env bash
# check.sh builds tools/custom-gcl and runs it on the example module: the
# findings of every check, //nolint by check name, and --fix. It is slow
# on a cold module cache (golangci-lint has a few hundred dependencies).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOLANGCI_LINT_CACHE="$work/cache" GOWORK=off

(cd "$root/tools/custom-gcl" && go build -o "$root/bin/custom-gcl" .)
gcl="$root/bin/custom-gcl"
config="$root/tools/custom-gcl/golangci.example.yml"

fail() {
	echo "custom-gcl: $*" >&2
	exit 1
}

# count CHECK FILE prints how many issues of CHECK golangci-lint found.
count() {
	sed -n "s/^\* $1: \([0-9]*\)$/\1/p" "$2"
}

cp -r "$root/testdata/example" "$work/example"
cd "$work/example"

set +e
"$gcl" run -c "$config" ./... >"$work/run.txt" 2>&1
status=$?
set -e
cat "$work/run.txt"
[ "$status" -eq 1 ] || fail "want exit status 1 on findings, got $status"
for want in "clientreuse 1" "dbpool 1" "frozenwork 1" "globalstate 2" "handlerexit 1" "handlersig 1" "initwork 1" "notimeout 4" "tmpleak 1"; do
	set -- $want
	[ "$(count "$1" "$work/run.txt")" = "$2" ] || fail "want $2 $1 issues on the example"
done

# //nolint by check name silences one finding of that check.
sed -i 's|^\tlastCaller = req.RequestContext.Identity.Caller|&//nolint:globalstate|' cmd/orders-api/main.go
"$gcl" run -c "$config" ./... >"$work/nolint.txt" 2>&1 || true
[ "$(count globalstate "$work/nolint.txt")" = "1" ] || fail "//nolint:globalstate did not silence the finding"
cp "$root/testdata/example/cmd/orders-api/main.go" cmd/orders-api/main.go

# //lambdalint:ignore works under golangci-lint too.
sed -i 's|^\tlastCaller = req.RequestContext.Identity.Caller|& //lambdalint:ignore globalstate only logged, never read back|' cmd/orders-api/main.go
"$gcl" run -c "$config" ./... >"$work/ignore.txt" 2>&1 || true
[ "$(count globalstate "$work/ignore.txt")" = "1" ] || fail "//lambdalint:ignore globalstate did not silence the finding"
cp "$root/testdata/example/cmd/orders-api/main.go" cmd/orders-api/main.go

# --fix applies the suggested fix: the handler's ctx for context.Background().
"$gcl" run -c "$config" --fix ./... >/dev/null 2>&1 || true
grep -q 'dynamo.GetItem(ctx, ' cmd/orders-api/main.go || fail "--fix did not apply the notimeout fix"

echo "custom-gcl: ok"
