#!/usr/bin/env bash
# vet-compare.sh times lambdalint against plain go vet on Go modules.
#
# Usage: bench/vet-compare.sh MODULE_DIR...
#
# For each module it builds the packages and their tests into a fresh
# build cache, so that dependencies are compiled and no analysis result
# is cached, then times, in one run:
#   go vet ./...                          plain go vet, its default suite
#   go vet -vettool=lambdalint ./...      lambdalint under go vet
#   the two again, served from the cache
#   lambdalint ./...                      the standalone driver
# It prints wall time, CPU time (user + system) and peak RSS per run.
# Timings on a shared machine vary from run to run: compare the ratios
# within one run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tool="$root/bin/lambdalint"
(cd "$root" && go build -o "$tool" ./cmd/lambdalint)

# measure runs a command once and prints its wall time, CPU time and
# peak RSS. The command's exit status, 3 or 1 on findings, is ignored.
measure() { # label, command...
	local label=$1 wall user sys rss stats
	shift
	stats="$(mktemp)"
	/usr/bin/time -o "$stats" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
	read -r wall user sys rss < <(tail -1 "$stats") # "Command exited with …" may come first
	rm -f "$stats"
	printf '%-34s %8.2f s %8.2f s %8.0f MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}

printf '%-34s %10s %10s %11s\n' "run" "wall" "cpu" "peak RSS"
for dir in "$@"; do
	dir="$(cd "$dir" && pwd)"
	cache="$(mktemp -d)"
	export GOCACHE="$cache" GOFLAGS="${GOFLAGS:--buildvcs=false}"
	(cd "$dir" && go build ./... >/dev/null 2>&1 && go test -count=1 -run='^$' ./... >/dev/null 2>&1) || true
	pkgs=$(cd "$dir" && go list ./... 2>/dev/null | wc -l)
	echo "== $dir ($pkgs packages, $(go version | cut -d' ' -f3))"
	cd "$dir"
	measure "go vet" go vet ./...
	measure "go vet -vettool=lambdalint" go vet -vettool="$tool" ./...
	measure "go vet, cached" go vet ./...
	measure "go vet -vettool=lambdalint, cached" go vet -vettool="$tool" ./...
	measure "lambdalint (standalone)" "$tool" ./...
	cd - >/dev/null
	rm -rf "$cache"
done
