# decomp — see README.md. Every target works on a clean machine with only Go installed.
GO        ?= go
export GOTOOLCHAIN := local
# decomp is pure Go. With cgo on, a -tags sqlparsers build would also
# compile the C libpg_query that go-pgquery does not use (about 45 s cold).
export CGO_ENABLED ?= 0
SAMPLE    := testdata/musicstream
BIN       := bin/decomp
STATICCHECK_VERSION := v0.6.1

.PHONY: all build demo test e2e lint vet fmt-check staticcheck bench fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/decomp

## demo: analyse the bundled sample monolith, score it against its truth, run the gate on its context map
demo: build
	./$(BIN) analyze -C $(SAMPLE) --propose ./...
	@echo
	./$(BIN) eval -C $(SAMPLE) --propose --truth truth.yaml ./...
	@echo
	./$(BIN) check -C $(SAMPLE) ./...

## test: every test, plus gofmt, go vet and staticcheck (what CI runs)
test: fmt-check vet staticcheck
	$(GO) test -count=1 ./...
	$(GO) vet -tags sqlparsers ./analysis/sqlparse
	$(GO) vet -tags e2e ./report/render
	$(GO) test -count=1 -tags sqlparsers ./analysis/sqlparse ./analysis/dbaccess
	$(MAKE) e2e

## e2e: the browser test of the HTML report (installs Debian's chromium if missing)
e2e:
	bash scripts/e2e.sh

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$( (git ls-files -z '*.go' 2>/dev/null || find . -name '*.go' -print0) | xargs -0 gofmt -l); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

## bench: decomp next to go vet on generated 1k, 4k and 10k-package monoliths, cold and warm,
## with per-stage times and peak memory (BENCH_SIZES="1000 4000" for fewer); then each extractor
## on 100,000-deep expressions and on one 3,000-function package with a 50,000-line generated file;
## and the value flow of table accesses on generated 1k and 4k-package monoliths
BENCH_SIZES ?= 1000 4000 10000
bench: build
	bash scripts/bench.sh $(BENCH_SIZES)
	$(GO) test -run '^$$' -bench 'DeepExpressions|HugePackage' -benchtime 3x ./analysis
	$(GO) test -run '^$$' -bench ValueFlow -benchtime 20x ./analysis/dbaccess

## fuzz: every fuzz target for FUZZTIME each (default 1m): SQL extractor, config and truth parsers.
## Minimising each new input is capped at 1000 runs: at the default 60 s the
## config fuzzer spent 55 of its 60 s minimising (37k executions instead of 700k).
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime $(FUZZTIME) -fuzzminimizetime 1000x ./analysis/sqlparse
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 1000x ./config
	$(GO) test -run '^$$' -fuzz FuzzParseTruth -fuzztime $(FUZZTIME) -fuzzminimizetime 1000x ./cluster/eval

clean:
	rm -rf bin
