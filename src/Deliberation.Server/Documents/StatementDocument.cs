using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Documents;

/// <summary>
/// What every export format shows of a statement, so the formats differ in layout only: the
/// title, the dialogue, the numbered clauses with their kind and status, and, once frozen, the
/// text's hash and the signatures; and always the heads of the dialogue's and the statement's
/// streams at export time, with how to check them. It holds counts-free statuses and no participant
/// ids, so no format can attribute a position.
/// </summary>
public sealed record StatementDocument(
    string Title,
    string DialogueTitle,
    string? Venue,
    IReadOnlyList<ExportedClause> Clauses,
    string? FrozenHash,
    IReadOnlyList<ExportedSignature> Signatures,
    Guid DialogueId,
    HistoryHeads Heads)
{
    public const string HistoryHeading = "History";

    /// <param name="clean">The first option of each open bracket instead of the compilation text with its brackets.</param>
    /// <param name="heads">The two streams' heads at the versions <paramref name="dialogue"/> and <paramref name="statement"/> were read at.</param>
    public static StatementDocument From(DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean, HistoryHeads heads)
    {
        var status = consensus.Clauses.ToDictionary(c => c.ClauseId, c => c.Status);
        var clauses = statement.OrderedClauses.Where(c => !c.Withdrawn).Select((c, i) =>
            new ExportedClause(i + 1, c.Kind, clean ? c.Bracketed.FirstOptions() : c.Text, status.GetValueOrDefault(c.Id))).ToList();
        var signatures = statement.Frozen is null
            ? []
            : statement.Signatures.Values.OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new ExportedSignature(s.Name, s.Affiliation, s.Capacity)).ToList();
        return new StatementDocument(statement.Title, dialogue.Settings.Title, dialogue.Settings.Venue, clauses, statement.Frozen?.Hash, signatures, dialogue.Id, heads);
    }

    /// <summary>The line naming the dialogue, with its venue when it has one.</summary>
    public string DialogueLine => Venue is { } venue ? $"{DialogueTitle}, {venue}" : DialogueTitle;

    public string? FrozenLine => FrozenHash is { } hash ? $"Frozen text SHA-256: {hash}" : null;

    /// <summary>One line per stream head, "streamId version hash", dialogue first (as in the frozen text).</summary>
    public IReadOnlyList<string> HeadLines => [.. Heads.All().Select(h => $"{h.StreamId}  version {h.Version}  hash {h.Hash}")];

    /// <summary>How a reader checks the heads with nobody's help (README, "Verifying a published statement").</summary>
    public string VerifyLine =>
        $"To check: download the log as a member (GET /api/dialogues/{DialogueId}/events?format=jsonl) and run "
        + $"dotnet run --project src/Deliberation.Verify -- log.jsonl {string.Join(' ', Heads.All().Select(h => $"--head {h.ToArgument()}"))}";
}

/// <summary>A signature as exported: the name as signed, and the affiliation for identification only.</summary>
public sealed record ExportedSignature(string Name, string? Affiliation, SignatureCapacity Capacity)
{
    public string Line => $"{Name}{(Affiliation is { } a ? $", {a}" : "")} ({Capacity.ToString().ToLowerInvariant()} capacity)";
}
