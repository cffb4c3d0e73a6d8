using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// The snapshots' state becomes the table's last column. SQLite keeps a zero-filled BLOB as a count of
    /// zeros only when nothing follows it in the row; with the time after it, the reservation the state's
    /// bytes are copied into (<see cref="SqliteDatabaseProvider.WriteSnapshotJsonAsync"/>) was spelled out
    /// in memory, twice its size: 1.2 GB for an imported statement of 2,000,000 positions
    /// (docs/performance.md, "Session 15: the snapshot SQLite spelled out"). SQLite cannot move a column,
    /// so the table is made again and its rows copied; no model change, the other databases keep theirs.
    /// </summary>
    public partial class SnapshotStateLast : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, ("Version", "INTEGER"), ("TakenAt", "TEXT"), ("StateJson", "TEXT"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, ("Version", "INTEGER"), ("StateJson", "TEXT"), ("TakenAt", "TEXT"));

        /// <summary>The table made again with its columns after the key in the order given, its rows copied over.</summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, params (string Name, string Type)[] columns)
        {
            var definitions = string.Join(", ", columns.Select(c => $"\"{c.Name}\" {c.Type} NOT NULL"));
            var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            migrationBuilder.Sql($"CREATE TABLE \"ef_temp_Snapshots\" (\"StreamId\" TEXT NOT NULL CONSTRAINT \"PK_Snapshots\" PRIMARY KEY, {definitions});");
            migrationBuilder.Sql($"INSERT INTO \"ef_temp_Snapshots\" (\"StreamId\", {names}) SELECT \"StreamId\", {names} FROM \"Snapshots\";");
            migrationBuilder.Sql("DROP TABLE \"Snapshots\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_Snapshots\" RENAME TO \"Snapshots\";");
        }
    }
}
