# 申报助手 — build, run and test. `make run` and `make test` work on a fresh
# Debian 12 machine: they install the system packages they need first.
GO      ?= go
FUZZTIME ?= 5s
# cgo headers Fyne needs to compile (X11 and OpenGL).
BUILD_DEBS = gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
             libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# What the tests use to look at what the program makes: PDF readers, a word
# processor for the .docx, an X server for screenshots; unzip and python3
# read the submission package's .zip and .eml independently of Go.
TEST_DEBS  = poppler-utils libreoffice-writer-nogui xvfb xauth imagemagick unzip python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps-build deps-test build check-format vet staticcheck unit fuzz bench sample-check

run: deps-build
	$(GO) run .

build: deps-build
	$(GO) build -trimpath -o shenbao .

deps-build:
	@missing=$$(for p in $(BUILD_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

deps-test: deps-build
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

# The whole test command: formatting, vet, staticcheck, every test, a short
# fuzz of the loader and the checker, and the samples through `shenbao check`.
test: deps-test check-format vet staticcheck unit fuzz sample-check

check-format:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) tool staticcheck ./...

unit:
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzUnmarshal$$' -fuzztime $(FUZZTIME) ./forms
	$(GO) test -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) ./forms
	$(GO) test -run '^$$' -fuzz '^FuzzParseCall$$' -fuzztime $(FUZZTIME) ./forms
	$(GO) test -run '^$$' -fuzz '^FuzzSafeName$$' -fuzztime $(FUZZTIME) ./forms/submission

# Every embedded sample, written out by the binary, must pass its own check.
sample-check:
	@tmp=$$(mktemp -d); $(GO) build -o $$tmp/shenbao . && \
	for c in $$($$tmp/shenbao sample); do $$tmp/shenbao sample $$c -o $$tmp/$$c.shenbao.json >/dev/null || exit 1; done && \
	$$tmp/shenbao check --today 2024-04-10 $$tmp/*.shenbao.json && echo "samples: all pass shenbao check"; rc=$$?; rm -rf $$tmp; exit $$rc

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./forms/...
