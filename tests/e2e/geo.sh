#!/bin/sh
# Places and dates on the shared dev sets, scored with the shared scorers
# (issue 3): GeoWebNews toponyms resolved within 161 km (acc161 >= 0.80),
# TempEval-3 expressions with the right interval (value F1 >= 0.70), and
# the events of ACLED notes placed within ACLED's radius (>= 0.60) and dated
# right (>= 0.90).  The bounds can be set lower or higher by environment.
. "$(dirname "$0")/lib.sh"
need_shared
G="$SHARED/gold"
"$SITREP" places "$G/places.dev.docs.jsonl" >"$T/places.jsonl" || fail "sitrep places"
if python3 "$SHARED/eval/score-places" --gold "$G/places.dev.gold.json" --pred "$T/places.jsonl" \
    --min-acc161 "${PLACES_MIN_ACC161:-0.80}" --min-f1 "${PLACES_MIN_F1:-0.70}" >"$T/ps"; then
    tail -1 "$T/ps"
else
    tail -1 "$T/ps"; fail "places below the bounds"
fi
"$SITREP" dates "$G/dates.dev.docs.jsonl" >"$T/dates.jsonl" || fail "sitrep dates"
if python3 "$SHARED/eval/score-dates" --gold "$G/dates.dev.gold.json" --pred "$T/dates.jsonl" \
    --min-value-f1 "${DATES_MIN_VALUE_F1:-0.70}" >"$T/ds"; then
    tail -1 "$T/ds"
else
    tail -1 "$T/ds"; fail "dates below the bounds"
fi
"$SITREP" code "$G/acled.dev.docs.jsonl" >"$T/acled.jsonl" || fail "coding ACLED notes"
python3 "$SHARED/eval/score" --gold "$G/acled.dev.gold.json" --pred "$T/acled.jsonl" | tail -1 >"$T/as"
cat "$T/as"
python3 - "$T/as" "${ACLED_MIN_LOCATION:-0.60}" "${ACLED_MIN_DATE:-0.90}" <<'PY' || fail "ACLED places or dates below the bounds"
import re, sys
s = open(sys.argv[1]).read()
loc = float(re.search(r"location ([0-9.]+)", s).group(1))
date = float(re.search(r"date ([0-9.]+)", s).group(1))
assert loc >= float(sys.argv[2]), ("location", loc)
assert date >= float(sys.argv[3]), ("date", date)
PY
finish
