using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Visibility;

/// <summary>
/// The matrix a release viewer receives (docs/security.md, "What a release viewer receives"): per
/// clause the figures of its last release, or — before its first — every member silent under the
/// room folding; each with a <see cref="ReleaseView"/> saying when it was released and whether
/// changes are pending. Built from the statement's state alone, never from the live figures, so no
/// path that uses it can leak a position between releases.
/// </summary>
public static class ReleasedConsensus
{
    public static StatementConsensus Of(StatementState statement, DialogueState dialogue, DateTimeOffset? at = null)
    {
        // The figures with nobody's position: the shape of a clause nobody has released yet.
        var silent = Disclosure.ForRoom(ConsensusCalculator.Compute(dialogue, Silenced(statement), at), dialogue);
        ImmutableArray<ClauseConsensus> clauses = [.. silent.Clauses.Select(c => Released(statement.Clauses[c.ClauseId], c))];
        return new StatementConsensus(statement.Id, statement.Version, at, ConsensusCalculator.HasConsensus(clauses), clauses);
    }

    private static ClauseConsensus Released(ClauseState clause, ClauseConsensus silent)
    {
        var pending = !clause.ChangedSinceRelease.IsEmpty;
        if (clause.LastRelease is not { } release)
            return silent with { Release = new ReleaseView(0, null, null, false, 0, pending, []) };
        var figures = release.Figures with
        {
            Release = new ReleaseView(clause.LastReleaseVersion, clause.LastReleaseAt, null, release.Forced, release.Changes, pending, release.Notes),
        };
        // A withdrawal is public the moment it is made; the released figures keep their counts.
        return clause.Withdrawn ? figures with { Status = ClauseStatus.Withdrawn } : figures;
    }

    private static StatementState Silenced(StatementState statement) => statement with
    {
        Clauses = statement.Clauses.ToImmutableDictionary(c => c.Key, c => c.Value with
        {
            Positions = ImmutableDictionary<Guid, Position>.Empty,
            OptionPositions = ImmutableDictionary<string, ImmutableDictionary<Guid, Position>>.Empty,
            Ranges = ImmutableDictionary<Guid, StatedRange>.Empty,
        }),
    };
}
