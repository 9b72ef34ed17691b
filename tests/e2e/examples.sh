#!/bin/sh
# The bundled examples code to the events they were written to contain.
. "$(dirname "$0")/lib.sh"
"$SITREP" code "$SRCDIR"/examples/*.txt >"$T/ex.jsonl" || fail "coding examples"
python3 - "$T/ex.jsonl" <<'PY' || fail "example events"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
def has(doc, typ, src=None, tgt=None, modality=None):
    for r in recs:
        if r["doc"] != doc or r["type"] != typ:
            continue
        if src and not ((r["source"] or {}).get("code") or "").startswith(src):
            continue
        if tgt and not ((r["target"] or {}).get("code") or "").startswith(tgt):
            continue
        if modality and r["modality"] != modality:
            continue
        return True
    print("missing:", doc, typ, src, tgt, modality)
    return False
ok = all([
    has("black-sea", "ASSAULT", "UKR", "RUS"),
    has("black-sea", "CONSULT", "TUR", "RUS", "planned"),
    has("sahel-protests", "PROTEST"),
    has("sahel-protests", "ACCUSE", "NER", "FRA"),
    has("sahel-protests", "THREATEN", "IGO", "NER"),
    has("sudan-talks", "ASSAULT", "SDN"),
    has("sudan-talks", "REQUEST", "IGOUNO"),
    has("sudan-talks", "CONSULT", "EGY", None, "planned"),
])
sys.exit(0 if ok else 1)
PY
finish
