#!/usr/bin/env bash
# The test command. Installs what the tests need (as root, from Debian's packages: postgresql,
# redis-server, chromium), starts a throwaway PostgreSQL and a throwaway Redis on loopback, builds the solution once in Release, runs
# every project under tests/ one after another, and ends with one line: "N passed, N failed".
#
#   scripts/test.sh                                   every test project
#   scripts/test.sh tests/Deliberation.Persistence.Tests   only those named
#
# Set DELIBERATION_TEST_POSTGRES (or DELIBERATION_TEST_REDIS, host:port) yourself to use a server of
# your own instead of a throwaway one.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n==> %s\n' "$*"; }

# ---- what the machine must have ------------------------------------------------------------

apt_updated=false

# ensure_package PACKAGE CHECK...: installs the Debian PACKAGE unless the command CHECK... succeeds.
ensure_package() {
    local package=$1
    shift
    if "$@" >/dev/null 2>&1; then
        return 0
    fi
    log "installing $package"
    if [ "$(id -u)" -ne 0 ]; then
        echo "The tests need the Debian package '$package'; run this script as root or install it." >&2
        return 1
    fi
    if ! $apt_updated; then
        apt-get update
        apt_updated=true
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
}

# The newest installed PostgreSQL's bin folder (Debian keeps them out of PATH).
postgres_bin() {
    local dir
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && printf '%s\n' "$dir"
}

ensure_package postgresql postgres_bin
# The cluster tests keep Orleans membership in Redis, as production does.
ensure_package redis-server test -x /usr/bin/redis-server
# The end-to-end tests drive Debian's chromium with Playwright (no browser download).
ensure_package chromium test -x /usr/bin/chromium
# PDF exports draw with the fonts under /usr/share/fonts: DejaVu for Latin text, Droid Sans
# Fallback for Chinese — the names the export tests sign with, the bilingual exports, and the
# Chinese clause text chromium draws in the bilingual room's browser test and screenshots.
ensure_package fonts-dejavu-core test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ensure_package fonts-droid-fallback test -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

# ---- a throwaway PostgreSQL ----------------------------------------------------------------

pg_dir=""
pg_started=false
redis_dir=""
redis_pid=""
results=$(mktemp -d -t deliberation-test-results.XXXXXX)

# PostgreSQL refuses to run as root.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

cleanup() {
    if $pg_started; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
        pg_started=false
    fi
    if [ -n "$pg_dir" ]; then
        rm -rf "$pg_dir"
        pg_dir=""
    fi
    if [ -n "$redis_pid" ]; then
        kill "$redis_pid" 2>/dev/null || true
        wait "$redis_pid" 2>/dev/null || true
        redis_pid=""
    fi
    if [ -n "$redis_dir" ]; then
        rm -rf "$redis_dir"
        redis_dir=""
    fi
    rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    pg_bin=$(postgres_bin)
    pg_dir=$(mktemp -d -t deliberation-pg.XXXXXX)
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$pg_dir"
    fi
    log "starting a throwaway PostgreSQL ($("$pg_bin/postgres" --version))"
    # trust only for local and loopback connections; nothing else may connect at all.
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C \
        --auth-local=trust --auth-host=trust --no-sync >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; return 1; }

    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        # Durability settings off: these are test databases, thrown away afterwards.
        if as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            pg_started=true
            export DELIBERATION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
            echo "PostgreSQL is listening on 127.0.0.1:$port"
            return 0
        fi
        echo "PostgreSQL did not start on port $port (attempt $attempt):" >&2
        tail -n 20 "$pg_dir/server.log" >&2 || true
    done
    return 1
}

if [ -n "${DELIBERATION_TEST_POSTGRES:-}" ]; then
    log "using the PostgreSQL server given in DELIBERATION_TEST_POSTGRES"
else
    start_postgres
fi

# ---- a throwaway Redis -----------------------------------------------------------------------

start_redis() {
    redis_dir=$(mktemp -d -t deliberation-redis.XXXXXX)
    log "starting a throwaway Redis ($(/usr/bin/redis-server --version | cut -d' ' -f1-3))"
    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        # Loopback only, nothing saved: the membership it holds is thrown away with the run.
        /usr/bin/redis-server --bind 127.0.0.1 --port "$port" --dir "$redis_dir" \
            --save "" --appendonly no --daemonize no --logfile "$redis_dir/redis.log" &
        redis_pid=$!
        local waited
        for waited in $(seq 1 50); do
            if port_in_use "$port"; then
                export DELIBERATION_TEST_REDIS="127.0.0.1:$port"
                echo "Redis is listening on 127.0.0.1:$port"
                return 0
            fi
            kill -0 "$redis_pid" 2>/dev/null || break
            sleep 0.1
        done
        echo "Redis did not start on port $port (attempt $attempt):" >&2
        tail -n 20 "$redis_dir/redis.log" >&2 || true
        kill "$redis_pid" 2>/dev/null || true
        wait "$redis_pid" 2>/dev/null || true
        redis_pid=""
    done
    return 1
}

if [ -n "${DELIBERATION_TEST_REDIS:-}" ]; then
    log "using the Redis server given in DELIBERATION_TEST_REDIS"
else
    start_redis
fi

# ---- build once, then every test project ---------------------------------------------------

if [ $# -gt 0 ]; then
    projects=()
    for arg in "$@"; do
        if [ -d "$arg" ]; then
            projects+=("$arg"/*.csproj)
        else
            projects+=("$arg")
        fi
    done
else
    shopt -s nullglob
    projects=(tests/*/*.csproj)
    shopt -u nullglob
fi

build_failed=0
if [ $# -gt 0 ]; then
    # Only the projects asked for, and what they depend on.
    for project in "${projects[@]}"; do
        log "dotnet build $project -c Release"
        dotnet build "$project" -c Release || build_failed=1
    done
else
    log "dotnet build Deliberation.sln -c Release"
    dotnet build Deliberation.sln -c Release || build_failed=1
    # A test project someone forgot to add to the solution still runs.
    for project in "${projects[@]}"; do
        if ! grep -qF "$(basename "$project")\"" Deliberation.sln; then
            log "dotnet build $project -c Release (it is not in Deliberation.sln)"
            dotnet build "$project" -c Release || build_failed=1
        fi
    done
fi
if [ "$build_failed" -ne 0 ]; then
    echo "The build failed; a test project it could not build is counted as failed below." >&2
fi

crashed=()
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    log "dotnet test $name"
    if ! dotnet test "$project" --no-build -c Release \
        --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout 15m; then
        echo "$name: some tests failed or the run did not complete." >&2
    fi
    if [ ! -f "$results/$name.trx" ]; then
        crashed+=("$name")
    fi
done

# ---- sum the outcomes ------------------------------------------------------------------------

counter() { # counter FILE NAME: one attribute of a TRX file's <Counters> element
    grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0
}

passed=0
failed=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    p=$(counter "$trx" passed)
    f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
    # A run that aborted (a crashed or hung test host) may report no failed test at all.
    if [ "$f" -eq 0 ] && ! grep -q '<ResultSummary outcome="\(Completed\|Passed\)"' "$trx"; then
        echo "$(basename "$trx" .trx): the test run did not complete; counted as one failure." >&2
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
for name in "${crashed[@]}"; do
    echo "$name: no test results (it did not build, or its test host crashed); counted as one failure." >&2
    failed=$((failed + 1))
done
if [ "$build_failed" -ne 0 ]; then
    echo "The build failed; counted as one failure." >&2
    failed=$((failed + 1))
fi

cleanup
status=0
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    status=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "No test ran." >&2
fi
echo "$passed passed, $failed failed"
exit "$status"
