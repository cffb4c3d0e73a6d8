namespace Deliberation.Domain.Statements;

/// <summary>
/// How a translation stands against its source (docs/domain.md, "Staleness"): a substantive source
/// revision since the one it translates makes it stale; editorial ones only mark it for review.
/// </summary>
public enum TranslationStatus { Current, ForReview, Stale, Missing }

public static class TranslationStatuses
{
    /// <summary>The status of the latest translation in a history (null or empty: missing) against the clause's revisions.</summary>
    public static TranslationStatus Of(ClauseState clause, Translation? latest)
    {
        if (latest is null)
            return TranslationStatus.Missing;
        if (latest.SourceRevision >= clause.CurrentRevision)
            return TranslationStatus.Current;
        return clause.Revisions.Any(r => r.Number > latest.SourceRevision && r.Kind == RevisionKind.Substantive)
            ? TranslationStatus.Stale
            : TranslationStatus.ForReview;
    }

    /// <summary>Whether freezing must wait for this text: a stale or missing authentic text is not the agreed one.</summary>
    public static bool BlocksFreezing(this TranslationStatus status) => status is TranslationStatus.Stale or TranslationStatus.Missing;
}
