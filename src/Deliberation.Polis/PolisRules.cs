namespace Deliberation.Polis;

/// <summary>The rule names a <see cref="PolisFormatException"/> carries.</summary>
public static class PolisRules
{
    /// <summary>Unterminated or stray quote, wrong field count, no header, invalid UTF-8.</summary>
    public const string MalformedCsv = "polis.malformed-csv";
    public const string MissingColumn = "polis.missing-column";
    public const string DuplicateColumn = "polis.duplicate-column";
    /// <summary>A cell that does not parse: non-integer id, vote not in {1, -1, 0}, moderated not in {1, 0, -1}.</summary>
    public const string BadValue = "polis.bad-value";
    /// <summary>A <see cref="PolisLimits"/> bound exceeded.</summary>
    public const string TooLarge = "polis.too-large";
    public const string DuplicateComment = "polis.duplicate-comment";
    public const string DuplicateParticipant = "polis.duplicate-participant";
    /// <summary>participants-votes.csv or votes.csv refers to a comment id absent from comments.csv.</summary>
    public const string UnknownComment = "polis.unknown-comment";
    /// <summary>The latest votes in votes.csv and the positions in participants-votes.csv differ.</summary>
    public const string VotesMismatch = "polis.votes-mismatch";
}
