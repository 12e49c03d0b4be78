# ringcap - thin wrapper around CMake so that users type `make <target>`.
#   make            release build: build/ringcap, build/libringcap.{so,a}, build/compat/
#   make demo       install build deps, build, run the CLI on examples/demo.pcapng
#   make test       install test deps, build, run every test (build/tests/rc_tests)
#   make asan       the same tests under ASan+UBSan (build-asan/)
#   make fuzz       every libFuzzer target for FUZZ_SECONDS each (build-fuzz/, clang)
#   make valgrind   the tests, then the CLI, under valgrind memcheck (build-valgrind/)
#   make analyze    clang's static analyzer over src/ and cli/ (scripts/analyze.sh)
#   make bench      benchmarks vs libpcap, tcpdump, netsniff-ng -> bench/results/
#                   (BENCH=offline|write|filter|live|cli, BENCH_QUICK=1; bench/README.md)
#   make install    PREFIX=/usr/local by default
# TESTS=substring runs only matching tests; JOBS=N sets the build's parallel
# jobs (default: the number of CPUs; `make -jN` does not reach CMake's build).

MAKEFLAGS += --no-print-directory
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
WERROR ?= ON
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
TESTS ?=

# Pass a compiler to CMake only when the user chose one (make CC=clang).
ifneq ($(origin CC),default)
CMAKE_CC := -DCMAKE_C_COMPILER=$(CC)
endif

.PHONY: all build deps-build demo test asan fuzz valgrind analyze bench install clean

all: build

build:
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DRC_WERROR=$(WERROR) $(CMAKE_CC) $(CMAKE_FLAGS) >/dev/null
	@cmake --build build -j $(JOBS)

deps-build:
	@scripts/deps.sh build

demo: deps-build build
	@scripts/demo.sh

test:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory build
	build/tests/rc_tests $(TESTS)

asan:
	@scripts/deps.sh build test
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRC_SANITIZE=ON -DRC_BUILD_BENCH=OFF -DRC_WERROR=$(WERROR) $(CMAKE_CC) >/dev/null
	@cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		RC_TEST_BUILDDIR=$(CURDIR)/build-asan build-asan/tests/rc_tests $(TESTS)

fuzz:
	@scripts/deps.sh build fuzz
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DRC_FUZZ=ON \
		-DRC_BUILD_TESTS=OFF -DRC_BUILD_BENCH=OFF -DRC_WERROR=$(WERROR) >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@scripts/fuzz.sh build-fuzz/fuzz $(FUZZ_SECONDS)

# Not in CI (.ci/run): about 15 minutes on two cores.  docs/SECURITY.md.
valgrind:
	@scripts/deps.sh build test valgrind
	@cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug -DRC_BUILD_BENCH=OFF -DRC_WERROR=$(WERROR) $(CMAKE_CC) >/dev/null
	@cmake --build build-valgrind -j $(JOBS)
	scripts/valgrind.sh build-valgrind $(TESTS)

analyze:
	@scripts/deps.sh build analyze
	scripts/analyze.sh

bench:
	@scripts/deps.sh build bench
	@$(MAKE) --no-print-directory build
	@bench/run.sh

install: build
	cmake --install build --prefix $(PREFIX)

clean:
	rm -rf build build-asan build-fuzz build-valgrind
