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

.PHONY: all deps deps-test build run test bench lint fmt package clean

all: build

deps:
	@.ci/deps

deps-test:
	@.ci/deps --test

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

clean:
	rm -rf bin dist BriefDesk.tar.xz
