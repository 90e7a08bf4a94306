# BriefDesk. `make run` opens the app on its embedded data; `make test` runs
# every test. Both install what is missing first (.ci/deps).

GO        ?= go
BIN       := bin/briefdesk
GOFLAGS   ?=
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
	CGO_ENABLED=1 $(GO) build $(GOFLAGS) -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps-test
	$(GO) vet ./...
	CGO_ENABLED=1 $(GO) test $(TESTFLAGS) ./...

# Benchmarks only (no tests); figures are printed by go test.
bench: deps-test
	CGO_ENABLED=1 $(GO) test -run '^$$' -bench . -benchtime 20x $(BENCHPKGS)

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fmt:
	gofmt -w .

clean:
	rm -rf bin dist
