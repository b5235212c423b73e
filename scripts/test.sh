#!/usr/bin/env bash
# The project's single test command (`npm test`). Runs every check CI runs, in order, stops at
# the first failure, prints how long each step took, and ends with a line `N passed, N failed`
# counting steps. See CONTRIBUTING.md for each step and how long it takes.
#
# Which database the medium tier runs on:
#   - always PGlite (in process, nothing to install);
#   - then PostgreSQL at TEST_DATABASE_URL when it is set;
#   - in CI (CI set) without TEST_DATABASE_URL, postgres://postgres@127.0.0.1:5432/test, and a
#     PostgreSQL that cannot be reached is a failure, never a skip;
#   - outside CI without TEST_DATABASE_URL, the server on 127.0.0.1:5432 if `pg_isready` finds
#     one, else a throwaway cluster when PostgreSQL is installed (POWERSHARE_TEST_PG=throwaway
#     forces one), and only otherwise is the PostgreSQL run skipped with a message.
# End-to-end tests need Debian's Chromium at /usr/bin/chromium: skipped with a message outside
# CI when it is absent, a failure in CI.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
# `npm run` puts node_modules/.bin first on PATH; do the same when this script is run directly.
export PATH="$root/node_modules/.bin:$PATH"

is_ci=false
if [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; then
	is_ci=true
fi

default_pg_url='postgres://postgres@127.0.0.1:5432/test'
chromium_path='/usr/bin/chromium'

passed=0
failed=0
skipped=()

summary() {
	echo
	if ((${#skipped[@]} > 0)); then
		echo "Skipped: ${skipped[*]}"
	fi
	echo "$passed passed, $failed failed"
}

elapsed_since() {
	local start=$1 now
	now=$EPOCHREALTIME
	awk -v a="$start" -v b="$now" 'BEGIN { printf "%.1f", b - a }'
}

# run_step NAME COMMAND... — runs one step, prints its timing, stops everything on failure.
run_step() {
	local name=$1 start status
	shift
	echo
	echo "==> $name"
	start=$EPOCHREALTIME
	"$@"
	status=$?
	# Some tools end without a newline (or with a colour reset); start the timing line afresh.
	echo
	if ((status == 0)); then
		passed=$((passed + 1))
		echo "--- $name: passed in $(elapsed_since "$start") s"
	else
		failed=$((failed + 1))
		echo "--- $name: FAILED (exit $status) in $(elapsed_since "$start") s"
		summary
		exit 1
	fi
}

skip_step() {
	local name=$1 reason=$2
	echo
	echo "==> $name"
	echo "--- $name: skipped: $reason"
	skipped+=("$name")
}

fail_step() {
	local name=$1 reason=$2
	echo
	echo "==> $name"
	echo "--- $name: FAILED: $reason"
	failed=$((failed + 1))
	summary
	exit 1
}

# --- A throwaway PostgreSQL cluster ------------------------------------------------------------
# Outside CI, with no server given and none on 127.0.0.1:5432, the PostgreSQL tier runs on a
# cluster of its own when PostgreSQL is installed: created in a temporary folder on a free port,
# listening on 127.0.0.1 only, and removed when the tests end. POWERSHARE_TEST_PG=throwaway asks
# for one even when a server is running.
throwaway_url=''
throwaway_reason=''
throwaway_dir=''
throwaway_bin=''
throwaway_as=()

stop_throwaway_postgres() {
	if [[ -n $throwaway_dir ]]; then
		"${throwaway_as[@]}" "$throwaway_bin/pg_ctl" -D "$throwaway_dir/data" -m immediate stop \
			>/dev/null 2>&1
		rm -rf "$throwaway_dir"
		throwaway_dir=''
	fi
}

start_throwaway_postgres() {
	local initdb port
	initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
	if [[ -z $initdb ]]; then
		throwaway_reason='PostgreSQL is not installed here for a throwaway cluster'
		return 1
	fi
	throwaway_bin=$(dirname "$initdb")
	# PostgreSQL refuses to run as root; as root, run the cluster as the postgres user.
	if ((EUID == 0)); then
		if ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null; then
			throwaway_reason='running as root without a postgres user to run a throwaway cluster'
			return 1
		fi
		throwaway_as=(runuser -u postgres --)
	fi
	throwaway_dir=$(mktemp -d "${TMPDIR:-/tmp}/powershare-pg-XXXXXX")
	((EUID == 0)) && chown postgres "$throwaway_dir"
	trap stop_throwaway_postgres EXIT
	port=$((55000 + RANDOM % 5000))
	echo "Starting a throwaway PostgreSQL cluster on 127.0.0.1:$port"
	if ! "${throwaway_as[@]}" "$initdb" -D "$throwaway_dir/data" -A trust -U postgres --no-sync \
		>"$throwaway_dir/initdb.log" 2>&1 ||
		! "${throwaway_as[@]}" "$throwaway_bin/pg_ctl" -D "$throwaway_dir/data" -w -l "$throwaway_dir/server.log" \
			-o "-p $port -k $throwaway_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
		throwaway_reason="the throwaway cluster did not start (logs in $throwaway_dir)"
		throwaway_dir=''
		return 1
	fi
	throwaway_url="postgres://postgres@127.0.0.1:$port/postgres"
}

# --- Node 24 -----------------------------------------------------------------------------------
# The project brings its own Node 24 as the `node` devDependency, whose install script puts the
# binary at node_modules/.bin/node. The machine's own Node may be older.
if [[ ! -x "$root/node_modules/.bin/node" ]]; then
	echo "node_modules/.bin/node is missing: the project's Node 24 was not installed." >&2
	echo "This happens after 'npm ci --ignore-scripts' or an interrupted install." >&2
	echo "Fix it with 'npm rebuild node' (or run 'npm ci' without --ignore-scripts)." >&2
	exit 1
fi
node_version=$(node --version 2>/dev/null || echo 'none')
node_major=${node_version#v}
node_major=${node_major%%.*}
if ! [[ $node_major =~ ^[0-9]+$ ]] || ((node_major < 24)); then
	echo "Powershare needs Node 24 or later, but 'node --version' here is $node_version." >&2
	echo "Run the tests with 'npm test' (which uses the project's Node 24 in node_modules/.bin)," >&2
	echo "or run 'npm rebuild node' if node_modules/.bin/node is not Node 24." >&2
	exit 1
fi
echo "Node $node_version ($(command -v node)); CI: $is_ci"

total_start=$EPOCHREALTIME

# --- Static checks -----------------------------------------------------------------------------
run_step 'svelte-kit sync' svelte-kit sync
run_step 'lint (prettier, eslint)' npm run --silent lint
run_step 'svelte-check' npm run --silent check

if [[ -f scripts/check-migrations.js ]]; then
	run_step 'migration drift check' npm run --silent db:check
else
	skip_step 'migration drift check' 'scripts/check-migrations.js does not exist yet'
fi

# --- Small and medium tiers --------------------------------------------------------------------
run_step 'vitest small' vitest run --project small --passWithNoTests
run_step 'vitest medium (PGlite)' env TEST_DB=pglite vitest run --project medium --passWithNoTests

pg_step='vitest medium (PostgreSQL)'
pg_url=${TEST_DATABASE_URL:-}
pg_skip_reason=''
if [[ -z $pg_url ]]; then
	if $is_ci; then
		pg_url=$default_pg_url
	elif [[ ${POWERSHARE_TEST_PG:-} != throwaway ]] && command -v pg_isready >/dev/null &&
		pg_isready -q -h 127.0.0.1 -p 5432; then
		pg_url=$default_pg_url
	elif start_throwaway_postgres; then
		pg_url=$throwaway_url
	else
		pg_skip_reason="no PostgreSQL on 127.0.0.1:5432, TEST_DATABASE_URL is not set, and $throwaway_reason"
	fi
fi
if [[ -n $pg_skip_reason ]]; then
	skip_step "$pg_step" "$pg_skip_reason"
elif command -v pg_isready >/dev/null && ! pg_isready -q -d "$pg_url"; then
	fail_step "$pg_step" "PostgreSQL at $pg_url is not accepting connections (set TEST_DATABASE_URL)"
else
	echo
	echo "PostgreSQL tier uses $pg_url"
	run_step "$pg_step" env TEST_DB=postgres TEST_DATABASE_URL="$pg_url" \
		vitest run --project medium --passWithNoTests
fi

# --- Build and end-to-end ----------------------------------------------------------------------
run_step 'vite build' vite build

if [[ -x $chromium_path ]]; then
	run_step 'playwright e2e' playwright test
elif $is_ci; then
	fail_step 'playwright e2e' "$chromium_path is missing (apt-get install chromium)"
else
	skip_step 'playwright e2e' "$chromium_path is missing; install it with 'apt-get install chromium'"
fi

echo
echo "All steps done in $(elapsed_since "$total_start") s"
summary
