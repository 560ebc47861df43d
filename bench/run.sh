#!/usr/bin/env bash
# run.sh times lambdalint against go vet, staticcheck and golangci-lint on
# the same Go modules in one run and prints the results as Markdown tables.
#
# Usage: bench/run.sh [-o FILE] [-c CORPUS_DIR] [-t TOOLS_DIR] [-l LOG_DIR] [DIR...]
#
#   -o FILE        also write the report to FILE (BENCHMARKS.md includes it)
#   -c CORPUS_DIR  measure every module in bench/corpus.txt, fetched into
#                  CORPUS_DIR by bench/fetch.sh, after the DIRs given
#   -t TOOLS_DIR   where the pinned staticcheck and golangci-lint are built,
#                  outside this repository (default: $BENCH_TOOLS, else
#                  lambdalint-bench under $XDG_CACHE_HOME or ~/.cache)
#   -l LOG_DIR     keep the output of every timed command there (default: a
#                  new temporary directory, printed at the end)
#   DIR            a directory that contains a go.mod
#
# Every module is measured the same way:
#  1. Setup: a fresh GOCACHE, then `go build ./...` and
#     `go test -vet=off -run '^$' -exec true ./...` compile the packages,
#     their tests and all dependencies. No analysis result is cached yet.
#     -exec true skips running the test binaries, whose package
#     initialization may fail on this Go version (panther's does).
#  2. Cold: each tool once, its own cache empty:
#       go vet ./...                          default suite
#       go vet -vettool=bin/lambdalint ./...
#       bin/lambdalint ./...                  standalone driver
#       staticcheck ./...                     default checks
#       golangci-lint run ./...               noctx, contextcheck and gosec only
#  3. Warm: the same five commands again, with the caches step 2 filled.
#  4. Edit: one comment line appended to a .go file of the module, then
#     `go vet -vettool` again, then the file restored.
# It records wall time, CPU time (user + system) and peak RSS with
# /usr/bin/time, and checks these targets:
#   - go vet -vettool wall <= go vet wall (cold)
#   - standalone wall <= 0.4 x staticcheck wall (cold)
#   - standalone peak RSS <= staticcheck peak RSS (cold)
#   - go vet -vettool wall after a one-line edit <= 1 s
# The standalone targets use the cold runs: staticcheck's warm run reads
# its results from its cache, and the standalone driver has no cache.
#
# A tool's exit status is shown but not judged: go vet and the linters exit
# non-zero when they report findings. Read the logs when a status is new.
# Timings on a shared machine vary from run to run, so compare the ratios
# within one run.
#
# Environment: GOFLAGS is passed on, with -buildvcs=false added (fetched
# copies may have no .git). GOCACHE, STATICCHECK_CACHE and
# GOLANGCI_LINT_CACHE are set per module and removed afterwards. The
# KEY=VALUE fields of a corpus.txt line are added for that module, also
# when its directory is given as DIR.
set -euo pipefail

staticcheck_version=v0.8.2   # module honnef.co/go/tools
golangci_version=v2.15.0     # module github.com/golangci/golangci-lint/v2

bench_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$bench_dir/.." && pwd)"
out_file=""
corpus_root=""
tools_dir="${BENCH_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/lambdalint-bench}"
log_dir=""

usage() {
	echo "usage: bench/run.sh [-o FILE] [-c CORPUS_DIR] [-t TOOLS_DIR] [-l LOG_DIR] [DIR...]" >&2
	echo "Give at least one module DIR or -c. The options are described at the top of $0." >&2
	exit 2
}

while getopts 'o:c:t:l:h' opt; do
	case $opt in
	o) out_file=$OPTARG ;;
	c) corpus_root=$OPTARG ;;
	t) tools_dir=$OPTARG ;;
	l) log_dir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -gt 0 || -n $corpus_root ]] || usage

# Modules to measure: "DIR<TAB>NAME<TAB>COMMIT<TAB>ENV", ENV as KEY=VALUE
# separated by blanks.
modules=()

# describe_module prints the modules entry for DIR: from corpus.txt when
# DIR is OWNER+REPO/SUBDIR of one of its lines, else from git.
describe_module() { # absolute DIR
	local name url commit subdir extra
	while read -r name url commit subdir extra; do
		[[ -z $name || $name == \#* ]] && continue
		if [[ $1 == */"${name/\//+}" && ${subdir:-.} == . || $1 == */"${name/\//+}/$subdir" ]]; then
			echo "$1	$name	$commit	$extra"
			return
		fi
	done <"$bench_dir/corpus.txt"
	commit="$(git -C "$1" rev-parse HEAD 2>/dev/null || echo "unknown")"
	echo "$1	${1#"$root/"}	$commit	"
}

for dir in "$@"; do
	[[ -f $dir/go.mod ]] || { echo "run.sh: $dir has no go.mod" >&2; exit 2; }
	dir="$(cd "$dir" && pwd)"
	modules+=("$(describe_module "$dir")")
done
if [[ -n $corpus_root ]]; then
	corpus_root="$(cd "$corpus_root" && pwd)"
	while read -r name url commit subdir extra; do
		[[ -z $name || $name == \#* ]] && continue
		dir="$corpus_root/${name/\//+}/${subdir:-.}"
		if [[ ! -f $dir/go.mod ]]; then
			echo "run.sh: $dir has no go.mod. Run bench/fetch.sh $corpus_root first." >&2
			exit 2
		fi
		modules+=("$(cd "$dir" && pwd)	$name	$commit	$extra")
	done <"$bench_dir/corpus.txt"
fi

log_dir="${log_dir:-$(mktemp -d)}"
mkdir -p "$log_dir"
log_dir="$(cd "$log_dir" && pwd)"
work="$(mktemp -d)"
edited_file=""
restore_edit() {
	if [[ -n $edited_file ]]; then
		cp -p "$work/edit-backup" "$edited_file"
		edited_file=""
	fi
}
trap 'restore_edit; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Output: the report goes to stdout and, with -o, to FILE.
if [[ -n $out_file ]]; then
	out_file="$(realpath -m "$out_file")"
	: >"$out_file"
fi
report() {
	if [[ -n $out_file ]]; then
		tee -a "$out_file"
	else
		cat
	fi
}
progress() { echo "run.sh: $*" >&2; }

# --- tools -------------------------------------------------------------

lambdalint="$root/bin/lambdalint"
progress "building $lambdalint"
(cd "$root" && go build -o "$lambdalint" ./cmd/lambdalint)

# install_tool builds a pinned Go command once into its own directory
# under tools_dir and prints the binary's path.
install_tool() { # package, version
	local pkg=$1 version=$2 name bin_dir
	name="$(basename "$pkg")"
	bin_dir="$tools_dir/$name-$version"
	if [[ ! -x $bin_dir/$name ]]; then
		progress "installing $pkg@$version into $bin_dir"
		mkdir -p "$bin_dir"
		(cd / && GOBIN="$bin_dir" GOFLAGS= go install "$pkg@$version") >&2
	fi
	echo "$bin_dir/$name"
}
staticcheck="$(install_tool honnef.co/go/tools/cmd/staticcheck "$staticcheck_version")"
golangci="$(install_tool github.com/golangci/golangci-lint/v2/cmd/golangci-lint "$golangci_version")"

golangci_config="$work/golangci.yml"
cat >"$golangci_config" <<'EOF'
version: "2"
linters:
  default: none
  enable:
    - noctx
    - contextcheck
    - gosec
EOF

export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"

# --- measuring ---------------------------------------------------------

# Results of measure, by label: wall and CPU in seconds, peak RSS in KB,
# exit status.
declare -A wall cpu rss status

# measure runs a command once under /usr/bin/time and stores its figures
# under label. Its output goes to LOG_DIR/MODULE_INDEX-label.log.
measure() { # label, command...
	local label=$1 stats log rc=0 w u s m
	shift
	stats="$work/time"
	log="$log_dir/$module_index-${label//[^A-Za-z0-9]/_}.log"
	progress "$label"
	/usr/bin/time -o "$stats" -f '%e %U %S %M' "$@" >"$log" 2>&1 || rc=$?
	# With a non-zero exit, time writes "Command exited with ..." first.
	read -r w u s m < <(tail -n 1 "$stats")
	wall[$label]=$w
	cpu[$label]=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
	rss[$label]=$m
	status[$label]=$rc
}

seconds() { awk -v x="$1" 'BEGIN { printf "%.2f s", x }'; }
megabytes() { awk -v x="$1" 'BEGIN { printf "%.0f MB", x / 1024 }'; }
ratio() { # numerator, denominator
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'
}
# within succeeds when value <= limit.
within() { awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; }

# check prints a target line: pass or FAIL, then the comparison.
check() { # description, value, limit, unit ("s" or "MB")
	local verdict=FAIL
	! within "$2" "$3" || verdict=pass
	if [[ $4 == MB ]]; then
		echo "- $verdict: $1: $(megabytes "$2") ≤ $(megabytes "$3")"
	else
		echo "- $verdict: $1: $(seconds "$2") ≤ $(seconds "$3")"
	fi
}

# row prints one table row. The edit phase has no go vet or staticcheck
# run to divide by, so its ratios are "–".
row() { # phase, tool
	local l="$2 $1" vet="go vet $1" sc="staticcheck $1"
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" \
		"$(seconds "${wall[$l]}")" "$(seconds "${cpu[$l]}")" "$(megabytes "${rss[$l]}")" \
		"$(ratio "${wall[$l]}" "${wall[$vet]:-0}")" "$(ratio "${wall[$l]}" "${wall[$sc]:-0}")" \
		"$(ratio "${rss[$l]}" "${rss[$vet]:-0}")" "$(ratio "${rss[$l]}" "${rss[$sc]:-0}")" \
		"${status[$l]}"
}

per_package() { # seconds, packages
	awk -v w="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.0f ms", 1000 * w / n; else printf "–" }'
}

# pick_edit_file prints the first non-test .go file of the module's
# package with the most such files.
pick_edit_file() {
	"${env_args[@]}" go list -e -f '{{if .GoFiles}}{{len .GoFiles}} {{.Dir}}/{{index .GoFiles 0}}{{end}}' ./... 2>/dev/null |
		sort -k1,1nr -s | head -n 1 | cut -d' ' -f2-
}

# --- report header -----------------------------------------------------

cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
mem_gib="$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
lambdalint_rev="$(git -C "$root" rev-parse --short=8 HEAD)"
[[ -z "$(git -C "$root" status --porcelain -- analyzers cmd internal go.mod go.sum)" ]] ||
	lambdalint_rev="$lambdalint_rev with uncommitted changes"
xtools="$(cd "$root" && go list -m -f '{{.Version}}' golang.org/x/tools)"

report <<EOF
## Timings

Measured with \`bench/run.sh\` on $(date -u +%Y-%m-%d).
Machine: $(nproc) CPUs ($cpu_model), $mem_gib GiB, $(uname -sr).
$(go version | cut -d' ' -f3-); GOFLAGS=$GOFLAGS.
lambdalint $lambdalint_rev (golang.org/x/tools $xtools),
staticcheck $("$staticcheck" -version | cut -d' ' -f2-),
golangci-lint $golangci_version with noctx, contextcheck and gosec only.

Commands, in each module's directory:

\`\`\`sh
# setup, with a fresh GOCACHE:
go build ./... && go test -vet=off -run '^\$' -exec true ./...
go vet ./...
go vet -vettool=\$PWD/bin/lambdalint ./...
bin/lambdalint ./...
staticcheck ./...                              # fresh STATICCHECK_CACHE
golangci-lint run --config golangci.yml ./...  # fresh GOLANGCI_LINT_CACHE
\`\`\`

golangci.yml:

\`\`\`yaml
$(cat "$golangci_config")
\`\`\`

Cold: each tool's first run after setup, so dependencies are compiled but
no analysis result is cached. Warm: the same commands again. Edit: \`go vet
-vettool\` after one comment line is appended to a .go file of the module.
The ratios divide a tool's figure by that of go vet or staticcheck in the
same phase. Exit is the tool's exit status; non-zero usually means findings.

EOF

# --- per module --------------------------------------------------------

summary=()
tools=("go vet" "go vet -vettool" "lambdalint standalone" "staticcheck" "golangci-lint")
module_index=0
for entry in "${modules[@]}"; do
	IFS=$'\t' read -r dir name commit extra <<<"$entry"
	module_index=$((module_index + 1))
	progress "== $name ($dir)"
	cd "$dir"

	wall=() cpu=() rss=() status=()
	caches="$work/caches"
	rm -rf "$caches"
	mkdir -p "$caches/go" "$caches/staticcheck" "$caches/golangci"
	env_args=(env GOCACHE="$caches/go" STATICCHECK_CACHE="$caches/staticcheck"
		GOLANGCI_LINT_CACHE="$caches/golangci")
	if [[ -n $extra ]]; then
		read -r -a extra_env <<<"$extra"
		env_args+=("${extra_env[@]}")
	fi

	measure "setup" "${env_args[@]}" sh -c "go build ./... && go test -vet=off -run '^\$' -exec true ./..."
	if [[ ${status[setup]} != 0 ]]; then
		cd - >/dev/null
		{
			echo "### $name (${commit:0:8})"
			echo
			echo "Skipped: the setup build failed with exit ${status[setup]}. Its output is in $log_dir/$module_index-setup.log."
			echo
		} | report
		summary+=("| $name | – | – | – | – | – | – | – | skipped |")
		continue
	fi
	packages=$("${env_args[@]}" go list -e ./... 2>/dev/null | wc -l)
	deps=$("${env_args[@]}" go list -e -deps ./... 2>/dev/null | wc -l)

	for phase in cold warm; do
		measure "go vet $phase" "${env_args[@]}" go vet ./...
		measure "go vet -vettool $phase" "${env_args[@]}" go vet -vettool="$lambdalint" ./...
		measure "lambdalint standalone $phase" "${env_args[@]}" "$lambdalint" ./...
		measure "staticcheck $phase" "${env_args[@]}" "$staticcheck" ./...
		measure "golangci-lint $phase" "${env_args[@]}" "$golangci" run --config "$golangci_config" ./...
	done

	edit_target="$(pick_edit_file)"
	cp -p "$edit_target" "$work/edit-backup"
	edited_file=$edit_target
	echo "// bench/run.sh: one-line edit" >>"$edit_target"
	measure "go vet -vettool edit" "${env_args[@]}" go vet -vettool="$lambdalint" ./...
	restore_edit
	cd - >/dev/null

	{
		echo "### $name (${commit:0:8})"
		echo
		echo "$packages packages, $deps with dependencies. Setup took $(seconds "${wall[setup]}") wall, $(megabytes "${rss[setup]}") peak RSS."
		[[ -z $extra ]] || echo "Environment: $extra."
		echo "Edited file: ${edit_target#"$dir/"}."
		echo
		echo "| phase | tool | wall | CPU | peak RSS | wall ÷ go vet | wall ÷ staticcheck | RSS ÷ go vet | RSS ÷ staticcheck | exit |"
		echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
		for phase in cold warm; do
			for tool in "${tools[@]}"; do
				row "$phase" "$tool"
			done
		done
		row edit "go vet -vettool"
		echo
		echo "Targets:"
		echo
		check "go vet -vettool wall ≤ go vet wall, cold" "${wall[go vet -vettool cold]}" "${wall[go vet cold]}" s
		check "standalone wall ≤ 0.4 × staticcheck wall, cold" "${wall[lambdalint standalone cold]}" \
			"$(awk -v x="${wall[staticcheck cold]}" 'BEGIN { print 0.4 * x }')" s
		check "standalone peak RSS ≤ staticcheck peak RSS, cold" "${rss[lambdalint standalone cold]}" "${rss[staticcheck cold]}" MB
		check "go vet -vettool after a one-line edit ≤ 1 s" "${wall[go vet -vettool edit]}" 1 s
		echo
	} | report
	passed=0
	! within "${wall[go vet -vettool cold]}" "${wall[go vet cold]}" || passed=$((passed + 1))
	! within "${wall[lambdalint standalone cold]}" "$(awk -v x="${wall[staticcheck cold]}" 'BEGIN { print 0.4 * x }')" ||
		passed=$((passed + 1))
	! within "${rss[lambdalint standalone cold]}" "${rss[staticcheck cold]}" || passed=$((passed + 1))
	! within "${wall[go vet -vettool edit]}" 1 || passed=$((passed + 1))
	summary+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %d of 4 |' "$name" "$packages" "$deps" \
		"$(seconds "${wall[go vet -vettool cold]}")" "$(per_package "${wall[go vet -vettool cold]}" "$packages")" \
		"$(seconds "${wall[go vet -vettool warm]}")" "$(per_package "${wall[go vet -vettool warm]}" "$packages")" \
		"$(seconds "${wall[go vet -vettool edit]}")" "$passed")")
done

{
	echo "### go vet -vettool per package"
	echo
	echo "| module | packages | with dependencies | cold | cold per package | warm | warm per package | after edit | targets met |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	printf '%s\n' "${summary[@]}"
	echo
} | report

progress "command output is in $log_dir"
