using System.Globalization;

namespace Deliberation.Domain.History;

/// <summary>
/// Where one event stream stood: its last version and that event's chain hash (lowercase hex).
/// Whoever holds the stream's log can check that a head is in it and that nothing before it changed
/// (docs/security.md, "Verifiable history").
/// </summary>
public sealed record StreamHead(string StreamId, long Version, string Hash)
{
    // Methods, not properties: the record is stored inside events and must serialize as its three fields.
    /// <summary>The head as one line, <c>streamId version hash</c>, as printed in documents and the frozen text.</summary>
    public string ToLine() => $"{StreamId} {Version.ToString(CultureInfo.InvariantCulture)} {Hash}";

    /// <summary>The head as the offline verifier's <c>--head</c> argument takes it: <c>streamId=version:hash</c>.</summary>
    public string ToArgument() => $"{StreamId}={Version.ToString(CultureInfo.InvariantCulture)}:{Hash}";
}
