#!/usr/bin/env bash
# The step of the lambdalint GitHub Action (action.yml): it builds
# lambdalint from the action's own source, runs it on the checked-out
# module and writes the findings to a file. The inputs arrive as
# LAMBDALINT_* variables, never spliced into the script, so that values
# from a pull request cannot become shell code.
set -euo pipefail

source_dir=${LAMBDALINT_SOURCE:?LAMBDALINT_SOURCE must be the action directory}
format=${LAMBDALINT_FORMAT:-rdjsonl}
dir=${LAMBDALINT_DIR:-.}
workspace=${GITHUB_WORKSPACE:-$PWD}
output=${LAMBDALINT_OUTPUT:-lambdalint.$format}
case $output in
  /*) ;;
  *) output=$workspace/$output ;;
esac

mkdir -p "$(dirname "$output")"

case $format in
  rdjsonl|sarif|github) ;;
  *) echo "lambdalint action: unknown format '$format': use rdjsonl, sarif or github" >&2; exit 2 ;;
esac

bin=${LAMBDALINT_BIN:-}
if [[ -z $bin ]]; then
  bin=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/lambdalint-bin/lambdalint
  (cd "$source_dir" && go build -o "$bin" ./cmd/lambdalint)
fi

args=("-format=$format")
if [[ -n ${LAMBDALINT_NEW_FROM_REV:-} ]]; then
  args+=("-new-from-rev=$LAMBDALINT_NEW_FROM_REV")
fi
read -r -a extra <<<"${LAMBDALINT_FLAGS:-}"
read -r -a packages <<<"${LAMBDALINT_PACKAGES:-./...}"

status=0
(cd "$workspace/$dir" && "$bin" "${args[@]}" "${extra[@]}" "${packages[@]}") >"$output" || status=$?
if [[ $status -ne 0 && $status -ne 3 ]]; then
  echo "lambdalint action: lambdalint failed with exit status $status" >&2
  exit "$status"
fi

case $format in
  sarif) findings=$(grep -c '"ruleId"' "$output" || true) ;;
  *) findings=$(grep -c . "$output" || true) ;;
esac
if [[ $format == github ]]; then
  cat "$output" # the runner reads workflow commands from the step's output
fi
echo "lambdalint: $findings finding(s) written to $output" >&2
if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  {
    echo "findings=$findings"
    echo "output=$output"
  } >>"$GITHUB_OUTPUT"
fi
if [[ ${LAMBDALINT_FAIL:-false} == true && $findings -gt 0 ]]; then
  exit 1
fi
