# BriefDesk. `make run` opens the app on its embedded data; `make test` runs
# every test. Both install what is missing first (.ci/deps).

GO        ?= go
BIN       := bin/briefdesk
GOFLAGS   ?=
# no_emoji: Fyne's bundled emoji font costs start-up time and memory we
# need for the Chinese faces. migrated_fynedo: what `fyne build` adds for
# FyneApp.toml's [Migrations] fyneDo = true; plain `go build` needs it too.
TAGS      := no_emoji,migrated_fynedo
TESTFLAGS ?= -count=1 -timeout 40m
BENCHPKGS := ./seeds/ ./data/ ./ui/ ./ui/pdf/ ./ui/wrap/ ./ui/cli/ .

.PHONY: all deps deps-test build run test bench lint fmt package clean \
	deps-windows package-windows windows-exe windows-zip package-darwin

all: build

deps:
	@.ci/deps

deps-test:
	@.ci/deps --test

deps-windows:
	@.ci/deps --windows

# The GUI needs cgo (GLFW + OpenGL); a cold build takes a few minutes.
build: deps
	CGO_ENABLED=1 $(GO) build $(GOFLAGS) -tags $(TAGS) -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps-test
	$(GO) vet ./...
	CGO_ENABLED=1 $(GO) test $(TESTFLAGS) -tags $(TAGS) ./...

# Benchmarks only (no tests); figures are printed by go test.
bench: deps-test
	CGO_ENABLED=1 $(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 20x $(BENCHPKGS)

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fmt:
	gofmt -w .

# A Linux .tar.xz with a desktop entry and icon (FyneApp.toml), made by
# fyne package from the binary we build (letting it rebuild from source
# takes minutes and names the binary after the folder).
package: deps
	CGO_ENABLED=1 $(GO) build $(GOFLAGS) -tags $(TAGS) -ldflags "-s -w" -o briefdesk .
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --exe briefdesk
	rm -f briefdesk
	@ls -l BriefDesk.tar.xz

# Windows, cross-built here with mingw-w64 (a cold build compiles GLFW for
# Windows: about 10 minutes on 2 cores). `make package-windows` writes
# dist/BriefDesk-<version>-windows-amd64.zip: BriefDesk.exe (icon, version
# information and manifest from winres/winres.json: per-monitor-v2 DPI,
# Windows 10/11, asInvoker, so no administrator rights), README.txt and the
# font's licence. The tests (windows_wine_test.go) make the same zip with
# `make windows-zip DIST=... WIN_DIR=...` and run what is in it under Wine.
VERSION     := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNUM    := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
DIST        ?= dist
WIN_DIR     ?= bin/windows
WIN_CC      ?= x86_64-w64-mingw32-gcc
WIN_ENV     := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WIN_CC)
# Reproducible output: -trimpath, no build ID, and no link time stamped
# into the PE header by GNU ld.
WIN_LDFLAGS := -s -w -buildid= -extldflags=-Wl,--no-insert-timestamp
# The window program: GUI subsystem, so no console window flashes up when
# it is started from Explorer (main.go attaches to the console of cmd.exe
# or PowerShell for a command). briefdesk-cli.exe is the same program as a
# console-subsystem twin, for scripts: cmd.exe and PowerShell wait for it,
# so pipes, %ERRORLEVEL% and $LASTEXITCODE work as on Linux.
WIN_GUI_EXE := BriefDesk.exe
WIN_CLI_EXE ?= briefdesk-cli.exe
WIN_EXES    := $(WIN_GUI_EXE) $(WIN_CLI_EXE)
# Icon, version information and manifest, as a .syso that go build links
# into package main for GOOS=windows (made at build time, not committed).
WINRES      := github.com/tc-hib/go-winres@v0.3.3
WIN_SYSO    := rsrc_windows_amd64.syso
WIN_ZIP     := $(DIST)/BriefDesk-$(VERSION)-windows-amd64.zip
# Zip entries get the last commit's time, so the same commit gives the
# same zip.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

package-windows: deps-windows
	@$(MAKE) --no-print-directory windows-zip

windows-exe:
	$(GO) run $(WINRES) make --in winres/winres.json --arch amd64 --out $(WIN_SYSO).tmp --no-suffix \
		--file-version $(VERSION).$(BUILDNUM) --product-version $(VERSION).$(BUILDNUM)
	mv $(WIN_SYSO).tmp $(WIN_SYSO)
	mkdir -p $(WIN_DIR)
	$(WIN_ENV) $(GO) build $(GOFLAGS) -trimpath -tags $(TAGS) -ldflags "$(WIN_LDFLAGS) -H windowsgui" -o $(WIN_DIR)/$(WIN_GUI_EXE) .
	$(if $(WIN_CLI_EXE),$(WIN_ENV) $(GO) build $(GOFLAGS) -trimpath -tags $(TAGS) -ldflags "$(WIN_LDFLAGS)" -o $(WIN_DIR)/$(WIN_CLI_EXE) .)

# The project's own licence, once it has one (none is chosen yet), ships
# beside the font's as LICENSE.txt.
PROJECT_LICENSE := $(firstword $(wildcard LICENSE LICENSE.txt LICENSE.md COPYING))
WIN_DOCS    := README.txt OFL.txt $(if $(PROJECT_LICENSE),LICENSE.txt)

# README.txt and the licences get CRLF line ends for older Notepads.
windows-zip: windows-exe
	rm -rf $(WIN_DIR)/zip && mkdir -p $(WIN_DIR)/zip $(DIST)
	cp $(addprefix $(WIN_DIR)/,$(WIN_EXES)) $(WIN_DIR)/zip/
	sed 's/$$/\r/' winres/README.txt > $(WIN_DIR)/zip/README.txt
	sed 's/$$/\r/' assets/fonts/OFL.txt > $(WIN_DIR)/zip/OFL.txt
	$(if $(PROJECT_LICENSE),sed 's/$$/\r/' $(PROJECT_LICENSE) > $(WIN_DIR)/zip/LICENSE.txt)
	touch -d @$(SOURCE_DATE_EPOCH) $(WIN_DIR)/zip/*
	rm -f $(WIN_ZIP)
	cd $(WIN_DIR)/zip && TZ=UTC zip -q -X -D $(abspath $(WIN_ZIP)) $(WIN_EXES) $(WIN_DOCS)
	@ls -l $(WIN_ZIP)

# macOS: only on a Mac (Apple's SDK; Xcode command line tools). Writes
# BriefDesk.app from FyneApp.toml.
package-darwin:
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os darwin --tags $(TAGS) --release

clean:
	rm -rf bin dist BriefDesk.tar.xz $(WIN_SYSO)
