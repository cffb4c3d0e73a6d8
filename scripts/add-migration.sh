#!/usr/bin/env bash
# Adds a migration named $1 to every provider project (SQLite, SQL Server, PostgreSQL), so the
# three never drift apart; the Persistence tests fail when one of them lags behind the model.
#
#   scripts/add-migration.sh AddClauseIndex
#   scripts/add-migration.sh AddPasskeyNames AccountsDbContext    (organiser accounts: Migrations/Accounts)
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 MigrationName [DeliberationDbContext|AccountsDbContext]" >&2
    exit 2
fi
context="${2:-DeliberationDbContext}"
output="Migrations"
if [ "$context" = "AccountsDbContext" ]; then
    output="Migrations/Accounts"
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore
for provider in Sqlite SqlServer Postgres; do
    project="src/Deliberation.Persistence.$provider"
    echo "==> $project"
    dotnet ef migrations add "$1" --project "$project" --startup-project "$project" \
        --context "$context" --output-dir "$output"
done
