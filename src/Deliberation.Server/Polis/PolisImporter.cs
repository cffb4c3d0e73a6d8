using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Polis;

namespace Deliberation.Server.Polis;

/// <summary>
/// Judges a Pol.is conversation before anything is stored (docs/api.md, "Pol.is imports"): the plan is
/// decided in memory by the pure domain, so input the rules refuse stores nothing and the caller hears
/// why at once; an accepted plan is then written by an <see cref="ImportJob"/>.
/// </summary>
public static class PolisImporter
{
    public const string GroupDimension = ImportPlan.GroupDimension;

    public static PolisLimits Limits { get; } = PolisLimits.Default with
    {
        MaxComments = Domain.Limits.ClausesPerStatement,
        MaxParticipants = Domain.Limits.RosterSize - 1,
        MaxCommentBodyLength = Domain.Limits.ClauseTextLength,
    };

    /// <summary>A plan the domain accepted, and how many events writing it will store.</summary>
    public sealed record Judged(ImportPlan Plan, long Events);

    public static async Task<(Judged? Accepted, RuleError? Error)> JudgeAsync(PolisConversation conversation, string title, Guid importer, string importerName, DateTimeOffset now)
    {
        var plan = ImportPlan.Of(conversation, title, importerName);
        var events = 0L;
        var refused = await plan.DecideAsync(importer, now, (_, decided) =>
        {
            events += decided.Count;
            return Task.CompletedTask;
        });
        return refused is null ? (new Judged(plan, events), null) : (null, refused);
    }

    /// <summary>Pol.is: 1 agree, -1 disagree, 0 pass.</summary>
    public static PositionKind PositionOf(int vote) => vote switch
    {
        1 => PositionKind.Support,
        -1 => PositionKind.Oppose,
        _ => PositionKind.StandAside,
    };
}
