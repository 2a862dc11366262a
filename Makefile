# 申报助手 — build, run and test. `make run` and `make test` work on a fresh
# Debian 12 machine: they install the system packages they need first.
GO      ?= go
# FUZZTIME empty: each target runs its own count of inputs (FUZZ_TARGETS),
# about 5 s on a loaded 2-core machine. A count, not a duration: with a
# duration Go 1.26's fuzz coordinator can report a spurious "context deadline
# exceeded" failure when -fuzztime expires while a worker is mid-input
# (golang/go#75804, fixed in Go 1.27); a count never starts that deadline.
FUZZTIME ?=
# Minimising every new input that widens coverage takes up to a minute per
# input by default (-fuzzminimizetime 60s), during which the target makes no
# progress: FuzzUnmarshal ran 8 inputs/s that way. The short run does not
# minimise (crashers are still saved under testdata/fuzz); fuzz-long
# minimises each for at most 1,000 runs.
FUZZMIN ?= 0
# cgo headers Fyne needs to compile: X11 and OpenGL, and since Fyne 2.8
# (GLFW 3.4, X11 and Wayland in one binary, chosen at run time) Wayland and
# xkbcommon.
BUILD_DEBS = gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
             libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
             libwayland-dev libxkbcommon-dev
# What the tests use to look at what the program makes: PDF readers, a word
# processor for the .docx, an X server for screenshots; unzip and python3
# read the submission package's .zip and .eml independently of Go.
TEST_DEBS  = poppler-utils libreoffice-writer-nogui xvfb xauth imagemagick unzip python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: walk walk-notice shots-absent run test deps-build deps-test build check-format vet staticcheck unit fuzz fuzz-long crash-test bench sample-check

# no_emoji: the window leaves out Fyne's 4 MB colour-emoji font, which its
# text stack would parse once per text style (~16 MB); see docs/window.md.
run: deps-build
	$(GO) run -tags no_emoji .

build: deps-build
	$(GO) build -tags no_emoji -trimpath -o shenbao .

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
test: deps-test check-format vet staticcheck unit fuzz sample-check shots-absent walk walk-notice windows-check wine-smoke wine-ime

# The scripted walk through the real window under Xvfb with xdotool, from a
# blank forum draft to an export, checking the saved file (docs/window.md,
# "A scripted walk"); about 30 s.
walk: deps-test
	$(call install-debs,xdotool xclip)
	sh app/internal/shots/walk.sh

# The screenshot and measuring code (app/shots.go, app/session.go, built
# only with the tag shots, for app/internal/shots) is not in the shipped
# program: none of its functions in the symbol table (go tool nm).
shots-absent: deps-build
	GO=$(GO) sh app/internal/shots/absent.sh

# The scripted walk of this year's call from its notice in the real window
# (docs/notice.md, "A scripted walk"): 「新建申报通知…」, the 2024 notice
# opened in the file dialog, 保存并使用, a new draft of that call; the call
# folder and the draft checked on disk. WALK_SHOTS=docs/screenshots
# retakes docs/notice.md's screenshots on the way.
walk-notice: deps-test
	$(call install-debs,xdotool)
	sh app/internal/shots/walk-notice.sh $(WALK_SHOTS)

check-format:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# The checks and the tests build with the tags the program ships with, so
# that they try the shipped configuration and `make run` after `make test`
# finds Fyne's C code compiled already.
# The files built only with the tag shots (the screenshots' program) are
# checked with it.
vet:
	$(GO) vet -tags no_emoji ./...
	$(GO) vet -tags 'no_emoji shots' ./app/...

staticcheck:
	$(GO) tool staticcheck -tags no_emoji ./...
	$(GO) tool staticcheck -tags 'no_emoji shots' ./app/...

unit:
	$(GO) test -tags no_emoji -count=1 ./...

# The fuzz targets as name@package@inputs (docs/benchmarks.md has their
# speed); FUZZTIME=20s (or 1000x) gives every target that budget instead.
FUZZ_TARGETS = FuzzUnmarshal@./forms@20000x FuzzReadHeader@./forms@20000x \
  FuzzCheck@./forms@6000x FuzzParseCall@./forms@30000x FuzzDeclaredRule@./forms@6000x \
  FuzzSafeName@./forms/submission@30000x FuzzWrap@./forms/pdfdoc@30000x \
  FuzzPrepare@./forms/aftercare@20000x FuzzDocuments@./forms/aftercare@6000x \
  FuzzWriters@./forms/aftercare@60x FuzzDecodeScaled@./forms/third_party/jpeg@20000x \
  FuzzRead@./forms/notice@10000x FuzzShortNameFrom@./forms@20000x

fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  name=$${t%%@*}; rest=$${t#*@}; pkg=$${rest%@*}; budget=$${rest#*@}; \
	  [ -n "$(FUZZTIME)" ] && budget=$(FUZZTIME); \
	  echo "fuzz $$name ($$budget)"; \
	  $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $$budget -fuzzminimizetime $(FUZZMIN) "$$pkg" || exit 1; \
	done

# The long run the docs ask for: LONGFUZZTIME per target (10 minutes, 90 in
# all); `make fuzz-long LONGFUZZTIME=1m` for a quicker look.
LONGFUZZTIME ?= 10m
fuzz-long:
	$(MAKE) fuzz FUZZTIME=$(LONGFUZZTIME) FUZZMIN=1000x

# Crash safety (docs/draft-format.md, 限制): a process saving a draft in a
# loop is killed CRASH_KILLS times at random moments; every time the draft
# and its backup must each be one of the two contents saved. `make test`
# runs 100 kills (in `unit`); this runs 1,000 (about a minute).
CRASH_KILLS ?= 1000
crash-test:
	SHENBAO_CRASH_KILLS=$(CRASH_KILLS) $(GO) test -count=1 -run '^TestCrashSafety$$' -v ./forms

# Every sample, written out by the binary, must pass its own call's check:
# the embedded call's, and the test call of another year (TESTCALL), each
# with --today set to its samples' 申报日期; then the test calls of other
# offices (NOTICECALLS, each as call.toml:申报日期), with no error and no warning.
TESTCALL = forms/testdata/call-2025/call.toml
NOTICECALLS = forms/testdata/call-hubei-2022/call.toml:2022-04-08 \
	forms/testdata/call-shanghai-2023/call.toml:2023-03-24 \
	forms/testdata/call-third/call.toml:2026-04-20
sample-check:
	@tmp=$$(mktemp -d); $(GO) build -o $$tmp/shenbao . && \
	mkdir $$tmp/a $$tmp/b && \
	for c in $$($$tmp/shenbao sample); do $$tmp/shenbao sample $$c -o $$tmp/a/$$c.shenbao.json >/dev/null || exit 1; done && \
	$$tmp/shenbao check --today 2024-04-10 $$tmp/a/*.shenbao.json && \
	for c in $$($$tmp/shenbao --call $(TESTCALL) sample); do $$tmp/shenbao --call $(TESTCALL) sample $$c -o $$tmp/b/$$c.shenbao.json >/dev/null || exit 1; done && \
	$$tmp/shenbao --call $(TESTCALL) check --today 2025-04-28 $$tmp/b/*.shenbao.json && \
	$$tmp/shenbao --call $(TESTCALL) rules >/dev/null && \
	for nc in $(NOTICECALLS); do call=$${nc%%:*}; day=$${nc##*:}; rm -rf $$tmp/c && mkdir $$tmp/c && \
	  for c in $$($$tmp/shenbao --call $$call sample); do $$tmp/shenbao --call $$call sample $$c -o $$tmp/c/$$c.shenbao.json >/dev/null || exit 1; done && \
	  $$tmp/shenbao --call $$call check --today $$day $$tmp/c/*.shenbao.json > $$tmp/c/out.txt && \
	  if grep -E '[1-9][0-9]*个(错误|警告)' $$tmp/c/out.txt; then echo "$$call: samples with findings"; exit 1; fi && \
	  $$tmp/shenbao --call $$call rules >/dev/null || exit 1; done && \
	echo "samples: all pass shenbao check (embedded call, $(TESTCALL) and the three notice test calls)"; rc=$$?; rm -rf $$tmp; exit $$rc

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./forms/... ./app/...

# --- Shipping: Windows .exe, Linux archive, dist/ (docs/release.md) ---------
# The MinGW cross-compiler builds the Windows .exe (cgo); `file` and MinGW's
# objdump (a dependency of the compiler) check it; zip packs it for release;
# desktop-file-utils checks the Linux .desktop entry.
WIN_DEBS  = gcc-mingw-w64-x86-64 file zip xz-utils desktop-file-utils
# Wine runs the .exe under Xvfb for the smoke test (make wine-smoke).
WINE_DEBS = wine wine64 xdotool
install-debs = @missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

.PHONY: deps-windows deps-wine windows windows-check linux-package linux-check wine-smoke wine-ime release icon

deps-windows: deps-test
	$(call install-debs,$(WIN_DEBS))

deps-wine: deps-windows
	$(call install-debs,$(WINE_DEBS))

# build/windows/shenbao.exe (GUI) and shenbao-cli.exe (console), cross-built
# with cgo, with icon, version resources and the version from git.
windows: deps-windows
	GO=$(GO) .ci/ship windows

# Part of `make test`: PE32+ GUI/console, only Windows system DLLs, icon and
# version resources, version string, -trimpath.
windows-check: windows
	GO=$(GO) .ci/ship windows-check

# build/linux/shenbao-linux-amd64.tar.xz made by `fyne package -os linux`.
linux-package: deps-windows
	GO=$(GO) .ci/ship linux

linux-check: linux-package
	GO=$(GO) .ci/ship linux-check

# Part of `make test` (~30 s once Wine is installed): starts the .exe under
# Wine and Xvfb, waits for its window, takes a screenshot (into build/wine/;
# SHOT=docs/screenshots/windows-wine.png refreshes the one in docs/), and runs
# shenbao-cli.exe sample.
wine-smoke: deps-wine windows
	GO=$(GO) .ci/ship wine-smoke

# Part of `make test`, after wine-smoke: Chinese input's composition and
# candidate windows at the caret of the focused entry, read back through
# imm32 under Wine and seen on a screenshot (docs/window.md, Keyboard).
wine-ime: deps-wine windows
	GO=$(GO) .ci/ship wine-ime

# Everything that can be built here, into dist/, with SHA256SUMS.
release: deps-windows
	GO=$(GO) .ci/ship release

# Redraws assets/icon.png.
icon:
	$(GO) run ./assets/icongen -o assets/icon.png
