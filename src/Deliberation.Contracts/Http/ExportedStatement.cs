using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Http;

/// <summary>
/// GET /api/dialogues/{id}/statements/{sid}/export?format=json: the statement as every export shows
/// it — clauses with kind and status, never who took which position — with the frozen text and the
/// signatures once it is frozen, and the heads of the dialogue's and the statement's streams at
/// export time (dialogue first), which the offline verifier checks against the log (docs/api.md).
/// </summary>
public sealed record ExportedStatement(
    DialogueSettings Dialogue,
    string Statement,
    FrozenText? Frozen,
    IReadOnlyList<ExportedClause> Clauses,
    IReadOnlyList<Signature> Signatures,
    IReadOnlyList<StreamHead> Heads);

/// <summary>
/// A clause as exported: its number counts only the clauses not withdrawn. <see cref="Text"/> is in the
/// export's language; a parallel export (<c>?language=parallel</c>) carries the other language's text
/// in <see cref="ParallelText"/>, null otherwise.
/// </summary>
public sealed record ExportedClause(int Number, ClauseKind Kind, string Text, ClauseStatus Status)
{
    public string? ParallelText { get; init; }
}
