#!/usr/bin/env bash
# The live-room load matrix of docs/performance.md: for every client count and action rate, a fresh
# server on loopback (own SQLite file, own ports), one run of the load generator against it, and
# the server stopped again. Usage:
#   bench/load-matrix.sh [clients list] [rates list] [seconds]
#   bench/load-matrix.sh "100 500 1000 2000" "50 200" 20
# Extra server settings go in SERVER_ARGS, e.g. SERVER_ARGS="--Realtime:PushWindowMilliseconds=0",
# extra server environment in SERVER_ENV, e.g. SERVER_ENV="DOTNET_TieredPGO=0".
set -euo pipefail
cd "$(dirname "$0")/.."
clients_list=${1:-"100 500 1000 2000"}
rates=${2:-"50 200"}
seconds=${3:-20}
port=5300
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

for rate in $rates; do
    for clients in $clients_list; do
        db="$work/load-$clients-$rate.db"
        env ${SERVER_ENV:-} dotnet src/Deliberation.Server/bin/Release/net10.0/Deliberation.Server.dll \
            --urls "http://127.0.0.1:$port" --Demo:Seed=false --Logging:LogLevel:Default=Warning \
            --RateLimits:RequestsPerMinute=1000000 --RateLimits:InviteGuessesPerMinute=1000000 --ConnectionStrings:Deliberation="Data Source=$db" --Accounts:SetupCode=load-matrix-setup \
            --Orleans:SiloPort=11300 --Orleans:GatewayPort=30300 ${SERVER_ARGS:-} >"$work/server-$clients-$rate.log" 2>&1 &
        server_pid=$!
        for _ in $(seq 1 120); do
            curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
            sleep 0.5
        done
        echo "== $clients clients, $rate actions/s"
        dotnet bench/Deliberation.LoadGenerator/bin/Release/net10.0/Deliberation.LoadGenerator.dll \
            --server "http://127.0.0.1:$port" --clients "$clients" --rate "$rate" --seconds "$seconds" \
            --server-pid "$server_pid" --setup-code load-matrix-setup || echo "(the run failed; server log: $(tail -n 5 "$work/server-$clients-$rate.log"))"
        stop_server
    done
done
