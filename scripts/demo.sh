#!/bin/sh
# make demo: code the bundled example reports (and the project's seed report
# when ../shared is present) and show the events as a table.
set -eu
bin=${1:-build/sitrep}
cd "$(dirname "$0")/.."
echo "sitrep demo: coding examples/"
echo
for f in examples/*.txt; do
    "$bin" code --format table "$f"
    echo
done
seed=../shared/seed/000_1fcff5cda893491c.txt
if [ -f "$seed" ]; then
    echo "The seed report (../shared/seed), document date 2026-01-27:"
    "$bin" code --format table --date 2026-01-27 "$seed"
    echo
fi
# the situation picture: the reports stored, then read back as of a date
db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" code --db "$db" -q examples/*.txt
if [ -f "$seed" ]; then
    "$bin" code --db "$db" -q --date 2026-01-27 "$seed"
    echo "The situation picture as of 2026-01-27 (sitrep situation --db $db --as-of 2026-01-27):"
    "$bin" situation --db "$db" --as-of 2026-01-27 --format table
    echo
fi
echo "The situation picture as of 2026-05-04 (sitrep situation --db $db --as-of 2026-05-04):"
"$bin" situation --db "$db" --as-of 2026-05-04 --format table
echo
echo "JSON records: $bin code examples/*.txt   (one event per line; see docs/formats.md)"
echo "Queries: $bin query --db $db --actor RUS --format csv   (docs/store.md)"
