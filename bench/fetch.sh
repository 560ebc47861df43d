#!/usr/bin/env bash
# fetch.sh gets every repository in bench/corpus.txt at its commit, for
# bench/run.sh -c DIR.
#
# Usage: bench/fetch.sh DIR
#
# DIR must be outside this repository, so that the fetched code is never
# committed here. Each repository OWNER/REPO goes to DIR/OWNER+REPO:
#   - When that directory does not exist, it is cloned with git and the
#     commit from corpus.txt is checked out (detached HEAD).
#   - When it is a git checkout, its HEAD must be that commit. fetch.sh
#     checks it and changes nothing.
#   - On a machine that cannot reach the git host, provide the
#     repositories already unpacked in DIR, named OWNER+REPO as above, for
#     example with `git archive COMMIT` from another copy. Put the full
#     hash of the commit each was unpacked from in DIR/OWNER+REPO.commit.
#     fetch.sh then only checks that hash against corpus.txt, not the
#     files themselves.
# In every case the module directory (SUBDIR in corpus.txt) must contain
# a go.mod. fetch.sh exits 1 when any repository is missing or at another
# commit, after checking all of them.
set -euo pipefail

if [[ $# -ne 1 ]]; then
	echo "usage: bench/fetch.sh DIR" >&2
	exit 2
fi
bench_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$bench_dir/.." && pwd)"
dest="$(realpath -m "$1")"
case "$dest/" in
"$root"/*)
	echo "fetch.sh: $dest is inside this repository. Give a directory outside $root." >&2
	exit 2
	;;
esac
mkdir -p "$dest"

failed=0
record_failure() {
	echo "fetch.sh: $*" >&2
	failed=1
}

while read -r name url commit subdir _; do
	[[ -z $name || $name == \#* ]] && continue
	dir="$dest/${name/\//+}"

	if [[ ! -e $dir ]]; then
		echo "fetch.sh: cloning $url into $dir" >&2
		if ! git clone --quiet --no-checkout "$url" "$dir" ||
			! git -C "$dir" -c advice.detachedHead=false checkout --quiet "$commit"; then
			record_failure "$name: cloning $url at $commit failed"
			continue
		fi
	fi

	# A directory that git reports as its own top level is a checkout.
	if [[ "$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null)" == "$dir" ]]; then
		head="$(git -C "$dir" rev-parse HEAD)"
		[[ $head == "$commit" ]] || record_failure "$name: $dir is at $head, expected $commit. Run git -C $dir checkout $commit."
	elif [[ -f $dir.commit ]]; then
		recorded="$(tr -d '[:space:]' <"$dir.commit")"
		[[ $recorded == "$commit" ]] || record_failure "$name: $dir.commit records $recorded, expected $commit. Unpack $commit instead."
	else
		record_failure "$name: $dir is not a git checkout and $dir.commit is missing, so its commit cannot be checked"
	fi

	[[ -f $dir/${subdir:-.}/go.mod ]] || record_failure "$name: $dir/${subdir:-.}/go.mod not found"
done <"$bench_dir/corpus.txt"

if [[ $failed != 0 ]]; then
	exit 1
fi
echo "fetch.sh: every repository in corpus.txt is in $dest at its commit" >&2
