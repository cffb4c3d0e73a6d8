namespace Deliberation.Contracts.Hub;

/// <summary>
/// Whether the server found the dialogue's history whole when it last checked its streams (on load
/// and in the background): each broken stream with the first bad event and what is wrong with it
/// (<c>leaf-mismatch</c>, <c>hash-mismatch</c>, <c>missing-version</c>, <c>version-order</c>;
/// docs/api.md). The room shows a banner while any is broken.
/// </summary>
public sealed record HistoryIntegrityView(IReadOnlyList<BrokenStreamView> Broken)
{
    public bool Intact => Broken.Count == 0;

    public static HistoryIntegrityView Whole { get; } = new([]);
}

/// <summary>A stream whose chain breaks, and where.</summary>
public sealed record BrokenStreamView(string StreamId, long Version, string Problem);
