namespace Deliberation.Persistence.Rows;

/// <summary>
/// One event re-chained by the move to salted commitments: its hash under the old (unsalted)
/// chain and under the new one. Kept so a hash published before the move can still be traced to
/// the event it named (docs/operations.md, "Salted history migration").
/// </summary>
internal sealed class HistoryMigrationLogRow
{
    public long Id { get; set; }
    public string StreamId { get; set; } = "";
    public long Version { get; set; }
    public string OldHash { get; set; } = "";
    public string NewHash { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>Null when the old chain verified up to this event; otherwise why it did not (the event was re-chained anyway).</summary>
    public string? OldChainProblem { get; set; }
}
