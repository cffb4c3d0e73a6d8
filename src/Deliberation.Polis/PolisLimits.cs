namespace Deliberation.Polis;

/// <summary>Bounds on an import, checked while reading.</summary>
public sealed record PolisLimits
{
    public static PolisLimits Default { get; } = new();

    /// <summary>Per file; a longer stream fails with <see cref="PolisRules.TooLarge"/>.</summary>
    public long MaxBytesPerFile { get; init; } = 32L * 1024 * 1024;

    public int MaxComments { get; init; } = 5_000;

    public int MaxParticipants { get; init; } = 100_000;

    /// <summary>In UTF-16 code units (<see cref="string.Length"/>).</summary>
    public int MaxCommentBodyLength { get; init; } = 4_000;

    /// <summary>Group ids are free text in newer exports, so they are bounded too.</summary>
    public int MaxGroupIdLength { get; init; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytesPerFile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxComments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxParticipants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCommentBodyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxGroupIdLength);
    }
}
