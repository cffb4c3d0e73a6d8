using Deliberation.Contracts.Views;

namespace Deliberation.Server.Documents;

/// <summary>
/// The words a reader sees for a clause's kind and status (the room's own, <see cref="ReaderWords"/>)
/// and a signatory's capacity, never the enum's own names: a document is read by people, not by the code.
/// In English; a document in the reader's language reads them from its <see cref="ExportWords"/>.
/// </summary>
public static class ExportLabels
{
    public static string Of(ClauseKind kind) => ReaderWords.Of(kind);

    public static string Of(ClauseStatus status) => ReaderWords.Of(status);

    public static string Of(SignatureCapacity capacity) => ExportWords.English.Of(capacity);
}
