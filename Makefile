# The two README commands: `make demo` and `make check`. Everything else is CMake.
BUILD      ?= build
BUILD_SAN  ?= build-san
BUILD_FUZZ ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
# Tests run twice as many at once as there are cores: much of the suite's time is
# waiting (rate-limit windows, Retry-After, injected latency and backoff), not CPU.
TEST_JOBS  ?= $(shell echo $$(( 2 * $(JOBS) )))
CMAKE_ARGS ?=
# Packages the tests need beyond the build's (clang: fuzzing and sanitizers; chromium, nodejs
# and npm: the e2e browser login, which is skipped without them, and fails under CI=true).
# abigail-tools: the ABI check against abi/libspotc.so.N.abi. openssl: the TLS test makes its CA.
# redis-server: the tests of the Redis-shared token store and rate budget (libhiredis-dev,
# the optional build feature, is in scripts/install-deps).
TEST_PKGS  := clang libclang-rt-14-dev valgrind jq curl openssl chromium nodejs npm abigail-tools redis-server

.PHONY: all deps build demo check test test-san install clean bench abi-update fuzz-long soak

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)

# The whole ctest suite, then again with ASan + UBSan (clang, with the fuzz harnesses).
check:
	@scripts/install-deps $(TEST_PKGS)
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPOTC_WERROR=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	scripts/abi-check $(BUILD)
	cd $(BUILD) && ctest --output-on-failure -j $(TEST_JOBS)
	CC=clang cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DSPOTC_WERROR=ON \
	    -DSPOTC_SANITIZE=ON -DSPOTC_FUZZ=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD_SAN) -j $(JOBS)
	cd $(BUILD_SAN) && ctest --output-on-failure -j $(TEST_JOBS)

install: build
	cmake --install $(BUILD)

# After a soname bump (or while the 0.x API is still moving): record the ABI baseline.
abi-update: build
	scripts/abi-check --update $(BUILD)

# What the benches need beyond the build: wrk (emulator throughput), time (peak RSS),
# node and npm (the SDKs compared against), redis-server (the shared budget), jq, curl.
BENCH_PKGS := wrk time nodejs npm redis-server jq curl

bench: build
	@scripts/install-deps $(BENCH_PKGS)
	@bench/run $(BUILD)

# Every fuzz harness for 10 million executions (FUZZ_EXECS=N, or FUZZ_SECONDS=S per
# harness), growing the kept corpus in tests/fuzz/corpus. Long: not part of `make check`.
fuzz-long:
	@scripts/fuzz-long $(BUILD_FUZZ)

# The fault soak alone (it is in `make check` too); SOAK_TRACKS=100000 for a longer one.
soak: build
	cd $(BUILD) && ctest --output-on-failure -L soak

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
