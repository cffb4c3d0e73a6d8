using System.Collections.Immutable;
using Deliberation.Contracts.Review;
using Deliberation.Domain.History;
using Deliberation.Server.Documents;

namespace Deliberation.Server.Review;

/// <summary>
/// The history report (docs/api.md, "Review"): what a convener attaches to a published statement.
/// The statement as the reader may see it now, then each clause's story, the timeline of key moments,
/// and the heads, with where to download the redacted event log that proves them. Built for one
/// viewer from her own review, so it shows nothing her review does not.
/// </summary>
public sealed record HistoryReport(
    StatementDocument Statement,
    IReadOnlyList<ReportedClause> Clauses,
    ImmutableArray<ReviewMoment> Timeline,
    HistoryHeads Heads,
    string EventsLog)
{
    /// <summary>The report's wording: the statement document's, in the reader's interface language.</summary>
    public ExportWords Words => Statement.Words;

    public string Title => Words.ReportTitle(Statement.Title);

    public string EventsLine => Words.EventsLine(EventsLog);
}

/// <summary>A clause in the report: its number and text now, and its story.</summary>
public sealed record ReportedClause(int Number, string Text, ClauseStory Story)
{
    public StoryChart Chart { get; } = StoryChart.Of(Story);
}
