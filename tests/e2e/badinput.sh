#!/bin/sh
# Bad input: every document is accounted for in the output or on stderr,
# the run goes on, and the exit status says whether any failed.
. "$(dirname "$0")/lib.sh"

# invalid UTF-8: coded, with a warning giving the byte offset; exit 0
printf 'Russian forces \377\376 withdrew from Aleppo.\n' >"$T/bad-utf8.txt"
expect_status 0 "$SITREP" code --date 2026-01-27 "$T/bad-utf8.txt"
grep -q "invalid UTF-8 at byte 15" "$T/err" || fail "no byte offset for invalid UTF-8"
grep -q '"type":"RETREAT"' "$T/out" || fail "document with invalid UTF-8 not coded"

# empty document: no events, no error
: >"$T/empty.txt"
expect_status 0 "$SITREP" code "$T/empty.txt"
[ -s "$T/out" ] && fail "empty document gave output"

# binary file among good ones: one clear error, the others coded, exit 1
head -c 4096 "$SITREP" >"$T/binary.txt"
printf 'Iran threatened to attack Iraq.\n' >"$T/good.txt"
expect_status 1 "$SITREP" code "$T/binary.txt" "$T/good.txt"
grep -q "binary.txt.*binary" "$T/err" || fail "binary file not named in the error"
grep -q '"doc":"good"' "$T/out" || fail "the good file after the binary one was not coded"

# unreadable file: named, the rest coded, exit 1
expect_status 1 "$SITREP" code "$T/does-not-exist.txt" "$T/good.txt"
grep -q "does-not-exist.txt" "$T/err" || fail "missing file not named"
grep -q '"doc":"good"' "$T/out" || fail "the file after the missing one was not coded"

# malformed JSON Lines: errors name file:line, the rest are coded
cat >"$T/docs.jsonl" <<'J'
{"id": "d1", "date": "2026-01-27", "text": "Iran threatened to attack Iraq."}
{"id": "d2", "text": "unterminated
{"id": "d3"}
{"id": "d4", "date": "2026-01-27", "text": "Turkey accused Greece of violating its airspace."}
["not", "an", "object"]
{"id": "d6", "text": 42}
J
expect_status 1 "$SITREP" code "$T/docs.jsonl"
for l in 2 3 5 6; do grep -q "docs.jsonl:$l:" "$T/err" || fail "line $l not reported"; done
grep -q '"doc":"d1"' "$T/out" && grep -q '"doc":"d4"' "$T/out" || fail "good lines not coded"
grep -q "2 documents coded, 4 failed" "$T/err" || fail "no summary of coded/failed documents"

# a document over the size limit is refused and named; the next is coded
head -c 3000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
expect_status 1 "$SITREP" code --max-doc-bytes 1000 "$T/big.txt" "$T/good.txt"
grep -q "big.*larger than the limit" "$T/err" || fail "oversized document not reported"

# a 50 MB single-line document: coded with bounded memory (release build)
BIN=${SITREP_RELEASE:-$SITREP}
[ -x "$BIN" ] || BIN=$SITREP
python3 - "$BIN" "$T" <<'PY' || fail "50 MB document"
import resource, subprocess, sys
binp, tmp = sys.argv[1], sys.argv[2]
sent = b"Russian forces withdrew from the town while rebels attacked a convoy near the border and officials said talks would resume. "
n = 50 * 1024 * 1024 // len(sent) + 1
with open(tmp + "/huge.txt", "wb") as f:
    f.write(sent * n)
p = subprocess.run([binp, "code", "--date", "2026-01-27", tmp + "/huge.txt"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
assert p.returncode == 0, p.stderr[-500:]
out = p.stdout.count(b"\n")
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("50 MB document: %d records, peak RSS %.0f MB" % (out, rss_mb))
assert out >= 1
assert rss_mb < 1500, rss_mb
PY
finish
