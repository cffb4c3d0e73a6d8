#!/usr/bin/env bash
# The live-room load matrix of docs/performance.md: for every client count and action rate, a fresh
# server on loopback (own SQLite file, own ports), one run of the load generator against it, and
# the server stopped again; right after it the same run against the bare-SignalR floor
# (bench/Deliberation.FloorHub), so each row has its floor measured back to back. Usage:
#   bench/load-matrix.sh [clients list] [rates list] [seconds]
#   bench/load-matrix.sh "100 500 1000 2000" "50 200" 20
# Extra server settings go in SERVER_ARGS, e.g. SERVER_ARGS="--Realtime:PushWindowMilliseconds=0",
# extra server environment in SERVER_ENV, e.g. SERVER_ENV="DOTNET_TieredPGO=0", the generator's in GENERATOR_ENV.
# FLOOR=0 skips the floor rows.
set -euo pipefail
cd "$(dirname "$0")/.."
clients_list=${1:-"100 500 1000 2000"}
rates=${2:-"50 200"}
seconds=${3:-20}
port=5300
# The generator's socket completions run inline on its event thread: it simulates thousands of clients on the
# server's two cores, and a hop through the thread pool for every frame it receives put its own queueing into
# what it measured (docs/performance.md, "Session 23"). GENERATOR_ENV= (empty) runs it as before.
generator_env=${GENERATOR_ENV-DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1}
work=$(mktemp -d)
server_pid=

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

dotnet build -c Release src/Deliberation.Server -v q -nologo >/dev/null
dotnet build -c Release bench/Deliberation.LoadGenerator -v q -nologo >/dev/null
dotnet build -c Release bench/Deliberation.FloorHub -v q -nologo >/dev/null

wait_healthy() {
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return
        sleep 0.5
    done
}

for rate in $rates; do
    for clients in $clients_list; do
        db="$work/load-$clients-$rate.db"
        env ${SERVER_ENV:-} dotnet src/Deliberation.Server/bin/Release/net10.0/Deliberation.Server.dll \
            --urls "http://127.0.0.1:$port" --Demo:Seed=false --Logging:LogLevel:Default=Warning \
            --RateLimits:RequestsPerMinute=1000000 --RateLimits:InviteGuessesPerMinute=1000000 --ConnectionStrings:Deliberation="Data Source=$db" --Accounts:SetupCode=load-matrix-setup \
            --Orleans:SiloPort=11300 --Orleans:GatewayPort=30300 ${SERVER_ARGS:-} >"$work/server-$clients-$rate.log" 2>&1 &
        server_pid=$!
        wait_healthy
        # Other sessions share the machine: how busy it was goes beside each row.
        echo "== $clients clients, $rate actions/s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
        env $generator_env dotnet bench/Deliberation.LoadGenerator/bin/Release/net10.0/Deliberation.LoadGenerator.dll \
            --server "http://127.0.0.1:$port" --clients "$clients" --rate "$rate" --seconds "$seconds" \
            --server-pid "$server_pid" --setup-code load-matrix-setup || echo "(the run failed; server log: $(tail -n 5 "$work/server-$clients-$rate.log"))"
        stop_server
        if [[ "${FLOOR:-1}" != 0 ]]; then
            dotnet bench/Deliberation.FloorHub/bin/Release/net10.0/Deliberation.FloorHub.dll --urls "http://127.0.0.1:$port" \
                >"$work/floor-$clients-$rate.log" 2>&1 &
            server_pid=$!
            wait_healthy
            echo "== floor: $clients clients, $rate actions/s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
            env $generator_env dotnet bench/Deliberation.LoadGenerator/bin/Release/net10.0/Deliberation.LoadGenerator.dll \
                --server "http://127.0.0.1:$port" --clients "$clients" --rate "$rate" --seconds "$seconds" \
                --server-pid "$server_pid" --floor || echo "(the floor run failed; its log: $(tail -n 5 "$work/floor-$clients-$rate.log"))"
            stop_server
        fi
    done
done
