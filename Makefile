# The two README commands: `make demo` and `make check`. Everything else is CMake.
BUILD      ?= build
BUILD_SAN  ?= build-san
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
# Packages the tests need beyond the build's (clang: fuzzing and sanitizers; e2e browser login).
# abigail-tools: the ABI check against abi/libspotc.so.N.abi.
TEST_PKGS  := clang libclang-rt-14-dev valgrind jq curl chromium abigail-tools

.PHONY: all deps build demo check test test-san install clean bench abi-update

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
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	CC=clang cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DSPOTC_WERROR=ON \
	    -DSPOTC_SANITIZE=ON -DSPOTC_FUZZ=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD_SAN) -j $(JOBS)
	cd $(BUILD_SAN) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD)

# After a soname bump (or while the 0.x API is still moving): record the ABI baseline.
abi-update: build
	scripts/abi-check --update $(BUILD)

bench: build
	@bench/run $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
