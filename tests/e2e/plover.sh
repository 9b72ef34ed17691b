#!/bin/sh
# PLOVER sentences from the CAMEO manual, scored with the shared scorer: issue 2
# asks for recall and precision of at least 0.60 each.
. "$(dirname "$0")/lib.sh"
need_shared
"$SITREP" code "$SHARED/gold/plover-gsr.dev.docs.jsonl" >"$T/p.jsonl" || fail "coding"
if python3 "$SHARED/eval/score" --gold "$SHARED/gold/plover-gsr.dev.gold.json" --pred "$T/p.jsonl" \
    --min-recall "${PLOVER_MIN_RECALL:-0.60}" --min-precision "${PLOVER_MIN_PRECISION:-0.60}" >"$T/score"; then
    tail -1 "$T/score"
else
    tail -1 "$T/score"
    fail "PLOVER scores below the bounds"
fi
"$SITREP" eval --gold "$SHARED/gold/plover-gsr.dev.gold.json" "$SHARED/gold/plover-gsr.dev.docs.jsonl" | tail -1 >"$T/a"
python3 "$SHARED/eval/score" --gold "$SHARED/gold/plover-gsr.dev.gold.json" --pred "$T/p.jsonl" | tail -1 >"$T/b"
cmp -s "$T/a" "$T/b" || { fail "sitrep eval and shared/eval/score disagree"; cat "$T/a" "$T/b"; }
finish
