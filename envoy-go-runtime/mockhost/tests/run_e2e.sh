#!/bin/sh
# End-to-end checks of the host with a C stand-in library, under a checker (valgrind, or
# the environment of a sanitizer build):
#   run_e2e.sh "<checker command>" <host binary> <build dir>
set -eu
valgrind=$1
host=$2
build=$3
here=$(dirname "$0")

# The protocol: every answer line must match the hand-written expectation.
$valgrind "$host" "$build/fakeplugin.so" < "$here/e2e_input.jsonl" > "$build/e2e_output.jsonl"
if ! diff -u "$here/e2e_expected.jsonl" "$build/e2e_output.jsonl"; then
  echo "e2e: the answers differ from tests/e2e_expected.jsonl" >&2
  exit 1
fi

# Several worker threads: request ops on a chosen worker, load ops on four at once (the
# stand-in library logs an error when a worker id enters from two threads).
$valgrind "$host" --concurrency 4 "$build/fakeplugin.so" < "$here/e2e_threads_input.jsonl" > "$build/e2e_threads_output.jsonl"
if ! diff -u "$here/e2e_threads_expected.jsonl" "$build/e2e_threads_output.jsonl"; then
  echo "e2e: the answers differ from tests/e2e_threads_expected.jsonl" >&2
  exit 1
fi

# A library without the entry points is refused with exit status 2, naming each one.
status=0
"$host" "$build/noexports.so" < /dev/null 2> "$build/noexports.err" || status=$?
if [ "$status" -ne 2 ]; then
  echo "e2e: a library without exports gave exit status $status, want 2" >&2
  exit 1
fi
for sym in envoyGoFilterNewHttpPluginConfig envoyGoFilterMergeHttpPluginConfig \
  envoyGoFilterDestroyHttpPluginConfig envoyGoFilterOnHttpHeader envoyGoFilterOnHttpData \
  envoyGoFilterOnHttpLog envoyGoFilterOnHttpStreamComplete envoyGoFilterOnHttpDestroy \
  envoyGoRequestSemaDec envoyGoFilterCleanUp; do
  if ! grep -q "missing export $sym" "$build/noexports.err"; then
    echo "e2e: the error does not name $sym:" >&2
    cat "$build/noexports.err" >&2
    exit 1
  fi
done
echo "e2e tests passed"
