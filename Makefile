# riskconsole: build, generate and test targets. `make test` is the full test suite (what CI
# runs through .ci/run); it must pass before merging.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# Each recipe is one bash script (so multi-line if/for work); with the flags above it stops at
# the first failing command.
.ONESHELL:
.DEFAULT_GOAL := test
# Targets run one after another even under -j: check-generated rewrites files that vet and
# the tests read.
.NOTPARALLEL:

GO ?= go
# Fuzz targets run by fuzz-short, as <package>:<FuzzName>:<inputs>. Each runs for a count of
# inputs (go test -fuzztime=<inputs>x), sized to about 5 to 10 s here, not for a duration: with a
# duration, Go 1.26's fuzz coordinator can fail a target with "context deadline exceeded" as the
# time runs out, having found nothing (go.dev/issue/75804, fixed in Go 1.27). FUZZ_TIMEOUT bounds
# each run's time all the same.
FUZZ_TARGETS ?= ./internal/engine:FuzzEvaluate:500000 ./internal/engine:FuzzNewThresholdSet:400000 \
	./internal/httpapi:FuzzAppendCompactHTML:40000 ./internal/httpapi:FuzzDecodeParams:40000 ./internal/catalog:FuzzPlaceholders:200000 \
	./internal/app:FuzzAssessPurchaseInput:30000 ./internal/app:FuzzInputProbes:2000
FUZZ_TIMEOUT ?= 3m
# The measured values' generator (internal/engine/measuresgen) writes GraphQL schema, so it runs
# before gqlgen.
GENERATE_MEASURES = $(GO) generate ./internal/engine
# The time one Go test binary (one package) may take in go-test. The slowest, internal/app, took
# 2 to 2.5 min on a quiet 2-core machine and about 4 min with the race detector on everything while
# other work ran; go test's own default, 10 minutes, was once hit there. 20 leaves room for a
# machine several times busier.
GO_TEST_TIMEOUT ?= 20m
# The race detector instruments our code and every dependency but two pure computations, where
# it found nothing to watch and cost most of the suite's time: modernc.org's SQLite (a C library
# machine-translated to Go; TestAnomaliesFindDemoIncident on SQLite took 131 s instrumented, 62 s
# without its checkptr checks, 19 s without either) and argon2 (a password hash: 290 ms instead of
# 60 ms, and every sign-in of the tests hashes). Neither shares memory with our goroutines: SQLite
# copies what it is given and serializes its own state, argon2 is a function of its arguments.
RACE_GCFLAGS ?= -gcflags='modernc.org/...=-race=false -d=checkptr=0' -gcflags='golang.org/x/crypto/argon2=-race=false'
GENERATE = $(GO) tool gqlgen generate
# What `make generate` may write; check-generated requires it to be committed and unchanged.
GENERATED_PATHS = graph/ gqlgen.yml go.mod go.sum internal/engine/measures_gen.go models/measures_gen.go \
	internal/store/measures_gen.go ui/src/lib/measures.gen.ts
# What the UI's codegen and build write; check-ui requires it to be committed and unchanged.
UI_GENERATED_PATHS = ui/dist ui/src/gql
# The end-to-end tests drive Debian's Chromium (/usr/bin/chromium): Playwright must never
# download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

# require_committed (in a recipe): fail, as target $(1), when the files under the paths $(2)
# differ from the commit after the command $(3) rewrote them.
define require_committed
changes="$$(git status --porcelain --untracked-files=all -- $(2))"
if [[ -n "$$changes" ]]; then
	echo "$(1): FAILED: after '$(3)', these differ from the commit ($(2)):" >&2
	echo "$$changes" >&2
	git --no-pager diff --stat -- $(2) >&2
	echo "$(1): the committed generated files are stale (or not committed): run '$(3)' and commit the result" >&2
	exit 1
fi
endef

.PHONY: test deps-test check-generated check-ui generate fmt-check vet check-test-only-imports \
	check-alerts go-test fuzz-short ui-test bench bench-ui run schema-lint

## test: everything: dependencies, generated code, the UI build, formatting, vet, the alerting rules, Go tests (race), fuzzing, UI tests.
test: deps-test check-generated check-ui fmt-check vet schema-lint check-test-only-imports check-alerts go-test fuzz-short ui-test
	@echo "make test: all checks passed"

## deps-test: install what the tests need besides Go and Node.js, when missing (git, gcc, PostgreSQL
## server binaries, Debian's Chromium, promtool and amtool): scripts/ensure-deps.sh, as root or
## through sudo.
deps-test:
	bash scripts/ensure-deps.sh

## generate: regenerate the code derived from the measured values' declaration, then the GraphQL code from gqlgen.yml.
generate:
	$(GENERATE_MEASURES)
	$(GENERATE)

## check-generated: fail if the committed generated code (measured values, GraphQL) is not what `make generate` produces.
# go.mod and go.sum are checked too: gqlgen adds the modules its generated code imports.
check-generated:
	@if [[ ! -f gqlgen.yml ]]; then
		echo "check-generated: SKIPPED: gqlgen.yml does not exist yet"
		exit 0
	fi
	echo "check-generated: $(GENERATE_MEASURES) && $(GENERATE)"
	$(GENERATE_MEASURES)
	$(GENERATE)
	$(call require_committed,check-generated,$(GENERATED_PATHS),make generate)
	echo "check-generated: generated code is up to date"

## fmt-check: fail, listing the files, if gofmt would change any tracked .go file.
fmt-check:
	@files="$$(git ls-files -z -- '*.go' ':!:ui/node_modules/**' |
		while IFS= read -r -d '' f; do if [[ -f "$$f" ]]; then printf '%s\0' "$$f"; fi; done |
		xargs -0 -r gofmt -l)"
	if [[ -n "$$files" ]]; then
		echo "fmt-check: FAILED: these files need gofmt (run: gofmt -w <file>):" >&2
		echo "$$files" >&2
		exit 1
	fi
	echo "fmt-check: ok"

## vet: go vet.
vet:
	$(GO) vet ./...

## schema-lint: the GraphQL schema lint (graph/schema_lint_test.go): a description on every type, field,
## argument and enum value, PascalCase, camelCase and UPPER_CASE names, connections with edges, nodes
## and pageInfo; it prints the description coverage.
schema-lint:
	$(GO) test -count=1 -run '^TestSchemaLint' -v ./graph/

## check-test-only-imports: internal/testdb may be imported only from _test.go files.
check-test-only-imports:
	@bad="$$($(GO) list -f '{{range .Imports}}{{if eq . "riskconsole/internal/testdb"}}{{$$.ImportPath}}{{"\n"}}{{end}}{{end}}' ./...)"
	if [[ -n "$$bad" ]]; then
		echo "check-test-only-imports: FAILED: non-test code imports riskconsole/internal/testdb:" >&2
		echo "$$bad" >&2
		exit 1
	fi
	echo "check-test-only-imports: ok"

## check-alerts: the Prometheus rules and Alertmanager example under deploy/: promtool check rules,
## a unit test for every rule, promtool test rules, amtool check-config and its routes
## (scripts/check-alerts.sh). The metrics' own promtool check runs in go-test (TestMetricsExposition).
check-alerts: deps-test
	bash scripts/check-alerts.sh

## go-test: all Go tests with the race detector, uncached, each package bounded by GO_TEST_TIMEOUT.
go-test: deps-test
	$(GO) test -race $(RACE_GCFLAGS) -count=1 -timeout=$(GO_TEST_TIMEOUT) ./...

## fuzz-short: run each of FUZZ_TARGETS for its count of inputs; a listed target that does not exist fails.
fuzz-short:
	@for target in $(FUZZ_TARGETS); do
		IFS=: read -r pkg name count <<<"$$target"
		if [[ -z "$$pkg" || -z "$$name" || ! "$$count" =~ ^[0-9]+$$ ]]; then
			echo "fuzz-short: FAILED: FUZZ_TARGETS entry '$$target' is not <package>:<FuzzName>:<inputs>" >&2
			exit 1
		fi
		if ! $(GO) test -list="^$$name\$$" "$$pkg" | grep -x -- "$$name" >/dev/null; then
			echo "fuzz-short: FAILED: fuzz target $$name not found in $$pkg (FUZZ_TARGETS is out of date?)" >&2
			exit 1
		fi
		echo "fuzz-short: $$pkg $$name for $$count inputs"
		$(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime="$${count}x" -timeout=$(FUZZ_TIMEOUT) "$$pkg"
	done

## check-ui: fail if the committed UI build (ui/dist) or its generated GraphQL documents and
## persisted-documents manifest (ui/src/gql) are not what a clean install, codegen and build
## produce; and check that the no_ui build (without the embedded UI) still compiles.
check-ui:
	@cd ui
	npm ci --no-audit --no-fund
	npm run codegen
	npm run build
	cd ..
	$(call require_committed,check-ui,$(UI_GENERATED_PATHS),npm ci && npm run codegen && npm run build' in 'ui/)
	$(GO) vet -tags no_ui ./ui/ ./internal/httpapi/ ./internal/app/ ./server/
	echo "check-ui: ui/dist and ui/src/gql are up to date; the no_ui build compiles"

## ui-test: the UI's tests (npm ci && npm test in ui/: vitest, then Playwright in Debian's
## Chromium against a server it builds and starts); skipped while ui/package.json does not exist.
ui-test: deps-test
	@if [[ -f ui/package.json ]]; then
		cd ui
		npm ci --no-audit --no-fund
		CI=true npm test
	else
		echo "ui-test: SKIPPED: ui/package.json does not exist yet (no UI package to test)"
	fi

## bench: all benchmarks, with allocations.
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

## bench-ui: the UI load tool (ui/perf): navigation to the first chart on /overview and the first
## rows on /decisions with the default 200,000 demo decisions (seeded once into PERF_DATA_DIR, or
## PERF_BASE_URL with PERF_DATA_DIR for a running server), PERF_RUNS runs each; prints median and
## max and the median run's requests. A benchmark: `make test` does not run it.
bench-ui:
	cd ui
	npx playwright test -c playwright.perf.config.ts

## run: run the server.
run:
	$(GO) run ./server
