using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// A node pushes a release viewer a clause only when its <see cref="ReleaseMark"/> moved, and computes
/// no figure otherwise (Realtime/ReleasedFiguresSent). That is sound only if an unmoved mark means
/// unmoved figures: random positions, withdrawals and releases, committed as the statement grain does,
/// and after each one every clause whose mark stayed must show exactly the figures it showed before.
/// </summary>
public sealed class ReleaseMarkPropertyTests
{
    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Oppose, PositionKind.Block, PositionKind.StandAside];
    private const int ShowTheRoom = 4;
    private const int Withdraw = 5;

    private static readonly Gen<(int Op, int Member, int Clause)[]> Ops =
        Gen.Select(Gen.Int[0, Withdraw], Gen.Int[0, 11], Gen.Int[0, 2]).Array[1, 30];

    [Theory]
    [InlineData(ConfidentialityMode.Anonymous)]
    [InlineData(ConfidentialityMode.ChathamHouse)]
    public void AnUnmovedMarkShowsUnmovedFigures(ConfidentialityMode mode) =>
        Ops.Sample(ops =>
        {
            var (room, members, clauses) = Room(mode);
            var before = Shown(room);
            foreach (var op in ops)
            {
                Commit(room, members, clauses, op);
                var after = Shown(room);
                foreach (var (id, (mark, figures)) in after)
                    if (before.TryGetValue(id, out var was) && was.Mark == mark)
                        Assert.Equal(was.Figures, figures);
                Assert.Equal(Disclosure.Released(room.Statement, room.Dialogue).HasConsensus, Disclosure.HasReleasedConsensus(room.Statement, room.Dialogue));
                before = after;
            }
        }, iter: 150);

    /// <summary>
    /// A release viewer's screen builds each release from its <see cref="FiguresReleased"/> event
    /// (<see cref="Disclosure.AsShown"/>), and the node, having recorded that
    /// (<see cref="Disclosure.MarkAsShown"/>), sends only what moved beyond it: "changes pending" as a
    /// mark on the release held, anything else as the clause's figures. After every commit of a random
    /// walk, what the screen holds must be, to the last field, what it would be sent afresh.
    /// </summary>
    [Theory]
    [InlineData(ConfidentialityMode.Anonymous)]
    [InlineData(ConfidentialityMode.ChathamHouse)]
    public void AScreenThatBuildsReleasesFromTheirEventsHoldsWhatItWouldBeSentAfresh(ConfidentialityMode mode) =>
        Ops.Sample(ops =>
        {
            var (room, members, clauses) = Room(mode);
            var roster = new RosterIndex(room.Dialogue);
            var screen = room.Statement.OrderedClauses.ToDictionary(c => c.Id, c => Disclosure.Released(c, room.Dialogue, roster));
            var sent = room.Statement.OrderedClauses.ToDictionary(c => c.Id, c => Disclosure.MarkOf(c, room.Dialogue));
            var pushed = room.StatementHistory.Count;
            foreach (var op in ops)
            {
                Commit(room, members, clauses, op);
                // The push: its events first, a release in them built by the screen and recorded by the node…
                foreach (var (e, meta) in room.StatementHistory.Skip(pushed))
                {
                    if (e is not FiguresReleased released)
                        continue;
                    foreach (var release in released.Clauses)
                    {
                        if (screen[release.ClauseId].Release is { } view && view.StatementVersion < meta.Version)
                            screen[release.ClauseId] = Disclosure.AsShown(release, meta.Version, meta.OccurredAt, released.Trigger);
                        sent[release.ClauseId] = Disclosure.MarkAsShown(release, meta.Version);
                    }
                }
                pushed = room.StatementHistory.Count;
                // …then what moved beyond that, as the node sends it.
                foreach (var c in room.Statement.OrderedClauses)
                {
                    var now = Disclosure.MarkOf(c, room.Dialogue);
                    if (now == sent[c.Id])
                        continue;
                    screen[c.Id] = now.ShowsTheSameReleaseAs(sent[c.Id])
                        ? screen[c.Id] with { Release = screen[c.Id].Release! with { ChangesPending = now.ChangesPending } }
                        : Disclosure.Released(c, room.Dialogue, roster);
                    sent[c.Id] = now;
                }
                foreach (var c in room.Statement.OrderedClauses)
                    Assert.Equal(DomainJson.Serialize(Disclosure.Released(c, room.Dialogue, roster)), DomainJson.Serialize(screen[c.Id]));
            }
        }, iter: 150);

    /// <summary>Twelve members, one in each region and sector, three clauses, in deliberation.</summary>
    private static (DialogueBuilder Room, Guid[] Members, Guid[] Clauses) Room(ConfidentialityMode mode)
    {
        var room = new DialogueBuilder(confidentiality: mode, minimumGroupSize: 2);
        var members = new[] { China, Europe, UnitedStates, GlobalSouth }
            .SelectMany(region => new[] { Academia, Industry, CivilSociety }.Select(sector => room.AddMember(region: region, sector: sector)))
            .ToArray();
        var clauses = Enumerable.Range(0, 3).Select(i => room.Clause($"Clause {i + 1}.")).ToArray();
        room.InPhase(Phase.Deliberation);
        return (room, members, clauses);
    }

    /// <summary>One step of a walk, committed as the statement grain does (a position brings its threshold release).</summary>
    private static void Commit(DialogueBuilder room, Guid[] members, Guid[] clauses, (int Op, int Member, int Clause) step)
    {
        if (step.Op == ShowTheRoom)
            room.DecideAsTheGrain([new ReleaseFigures(ReleaseTrigger.ShowTheRoom)], room.Facilitator);
        else if (step.Op == Withdraw)
            room.DecideAsTheGrain([new WithdrawClause(clauses[step.Clause], "Out of scope.")], room.Facilitator);
        else
            room.TakeAsTheGrain(members[step.Member], clauses[step.Clause], Kinds[step.Op]);
    }

    private static ImmutableDictionary<Guid, (ReleaseMark Mark, string Figures)> Shown(DialogueBuilder room)
    {
        var roster = new RosterIndex(room.Dialogue);
        return room.Statement.OrderedClauses.ToImmutableDictionary(
            c => c.Id,
            c => (Disclosure.MarkOf(c, room.Dialogue), DomainJson.Serialize(Disclosure.Released(c, room.Dialogue, roster))));
    }
}
