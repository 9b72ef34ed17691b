# sitrep -- top-level Makefile.  The two commands of the README:
#   make demo   set up, build, code examples/ and show events and situation
#   make test   set up, build with ASan+UBSan, run every test (ctest)
# Other targets: build (release build in build/), bench (speed and memory,
# bench/bench.py), clean.

JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all setup build demo test test-build bench clean

all: build

setup:
	@sh scripts/setup.sh

build: setup
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build -j $(JOBS)

demo: build
	@sh scripts/demo.sh build/sitrep

test-build: setup
	@cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DSITREP_SANITIZE=ON -DBUILD_TESTING=ON >/dev/null
	@cmake --build build-test -j $(JOBS)

test: build test-build
	@cd build-test && ctest --output-on-failure -j $(JOBS)

bench: build
	@python3 bench/bench.py build/sitrep

clean:
	rm -rf build build-test
