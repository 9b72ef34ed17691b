# Helpers for the end-to-end tests (sourced).
set -u
: "${SITREP:?}"
T=$(mktemp -d /tmp/sitrep-e2e.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
# expect_status WANT CMD...: run, compare the exit status
expect_status() {
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" -ne "$want" ]; then fail "$* -> exit $got, want $want"; sed 's/^/  stderr: /' "$T/err" | head -5; else ok "$* -> $want"; fi
}
need_shared() {
    if [ ! -d "$SHARED" ]; then echo "SKIP: $SHARED (the shared test data) is not present"; exit 77; fi
}
finish() { if [ "$fails" -ne 0 ]; then echo "$fails failure(s)"; exit 1; fi; echo "all passed"; exit 0; }
