using System.Net;
using System.Text;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Api;

/// <summary>
/// The statement as a document: its text (compilation with brackets, or clean with the first
/// option of each open bracket), each clause's status, and signatures. Exports never attribute
/// positions: they carry counts only.
/// </summary>
public static class StatementExport
{
    public static readonly string[] Formats = ["md", "html", "json"];

    public static IResult Render(string format, DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean) =>
        format.ToLowerInvariant() switch
        {
            "md" => Results.Text(Markdown(dialogue, statement, consensus, clean), "text/markdown; charset=utf-8"),
            "html" => Results.Text(Html(dialogue, statement, consensus, clean), "text/html; charset=utf-8"),
            "json" => Results.Ok(new { dialogue = dialogue.Settings, statement = statement.Title, statement.Frozen, clauses = Lines(statement, consensus, clean), signatures = statement.Signatures.Values }),
            _ => Problems.Invalid("export.unknown-format", $"Export formats are {string.Join(", ", Formats)}."),
        };

    private static IEnumerable<(int Number, ClauseKind Kind, string Text, ClauseStatus Status)> Lines(StatementState statement, StatementConsensus consensus, bool clean)
    {
        var status = consensus.Clauses.ToDictionary(c => c.ClauseId, c => c.Status);
        return statement.OrderedClauses.Where(c => !c.Withdrawn).Select((c, i) =>
            (i + 1, c.Kind, clean ? c.Bracketed.FirstOptions() : c.Text, status.GetValueOrDefault(c.Id)));
    }

    private static string Markdown(DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {statement.Title}").AppendLine();
        text.AppendLine($"*{dialogue.Settings.Title}*{(dialogue.Settings.Venue is { } venue ? $", {venue}" : "")}").AppendLine();
        foreach (var (number, kind, clauseText, status) in Lines(statement, consensus, clean))
            text.AppendLine($"{number}. {clauseText} *({kind}; {status})*").AppendLine();
        AppendSignatures(statement, line => text.AppendLine(line));
        return text.ToString();
    }

    private static string Html(DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .Append(E(statement.Title)).Append("</title></head><body><h1>").Append(E(statement.Title)).Append("</h1><p><em>")
            .Append(E(dialogue.Settings.Title)).Append("</em></p><ol>");
        foreach (var (_, kind, clauseText, status) in Lines(statement, consensus, clean))
            html.Append("<li><p>").Append(E(clauseText)).Append("</p><small>").Append(kind).Append(" · ").Append(status).Append("</small></li>");
        html.Append("</ol>");
        AppendSignatures(statement, line => html.Append("<p>").Append(E(line)).Append("</p>"));
        return html.Append("</body></html>").ToString();
    }

    private static void AppendSignatures(StatementState statement, Action<string> line)
    {
        if (statement.Frozen is not { } frozen)
            return;
        line($"Frozen text SHA-256: {frozen.Hash}");
        // Signed in a personal capacity; affiliations for identification only.
        foreach (var s in statement.Signatures.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            line($"- {s.Name}{(s.Affiliation is { } a ? $", {a}" : "")} ({s.Capacity.ToString().ToLowerInvariant()} capacity)");
    }
}
