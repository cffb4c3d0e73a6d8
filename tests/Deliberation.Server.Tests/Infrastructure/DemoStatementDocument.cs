using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Deliberation.Server.Demo;
using Deliberation.Server.Documents;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// The demo dialogue's statement (DemoScript) as it would be published: clean text, frozen, and
/// signed by ten of the twelve delegates. Built directly, without a server, so the picture of its
/// first PDF page (docs/screenshots) is the same on every run.
/// </summary>
public static class DemoStatementDocument
{
    public const string Title = "Joint statement on AI safety";

    // Two delegates do not sign: a signatory list is who signed, not who attended.
    private static readonly string[] NotSigning = ["Zhang Min", "David Kim"];

    public static StatementDocument Clean()
    {
        var clauses = DemoScript.Clauses.Select((c, i) =>
            new ExportedClause(i + 1, c.Kind, BracketedText.Parse(c.Text).FirstOptions(), StatusOf(c))).ToList();
        var canonical = string.Join("\n\n", clauses.Select(c => $"{c.Number}. {c.Text}").Prepend(Title));
        var signatures = DemoScript.Delegates.Where(d => !NotSigning.Contains(d.Name))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new ExportedSignature(d.Name, d.Affiliation, SignatureCapacity.Personal)).ToList();
        var dialogueId = new Guid("5e1f0c3a-6b7d-4c2e-9a41-0d2b8f7e6c15");
        var heads = new HistoryHeads(
            new StreamHead(StreamIds.Dialogue(dialogueId), 41, CanonicalText.Hash("dialogue")),
            new StreamHead(StreamIds.Statement(new Guid("9c4d2e71-3f5a-4b8c-a6d0-7e1b2c3d4f50")), 187, CanonicalText.Hash("statement")));
        var settings = DemoScript.Settings;
        return new StatementDocument(Title, settings.Title, settings.Venue, settings.StartsOn, settings.EndsOn, "en", Clean: true, clauses,
            CanonicalText.Hash(canonical), signatures, dialogueId, heads);
    }

    // A rough reading of DemoScript's positions: the picture needs each status, not the exact ladder of docs/consensus.md.
    private static ClauseStatus StatusOf(DemoScript.DemoClause clause) =>
        clause.Positions.Contains('B') ? ClauseStatus.Blocked
        : clause.Positions.Count(p => p == 'O') > 2 ? ClauseStatus.Contested
        : clause.Positions.Contains('O') ? ClauseStatus.NearConsensus
        : ClauseStatus.Agreed;
}
