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
echo "JSON records: $bin code examples/*.txt   (one event per line; see docs/formats.md)"
echo "The situation picture (sitrep situation) comes with the store; see the README's Limits."
