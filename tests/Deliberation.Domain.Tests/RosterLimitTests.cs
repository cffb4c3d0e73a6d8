using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// Invited and imported members are bounded apart (docs/domain.md, "Memberships, invites and sessions"):
/// the largest public Pol.is conversation has about 33,000 voters, more than the 20,000 invited seats.
/// </summary>
public sealed class RosterLimitTests
{
    private readonly DialogueBuilder dialogue = new();

    /// <summary>The builder's dialogue (its convener and the few it invites) with members added up to the counts.</summary>
    private DialogueState WithMembers(int invited, int imported)
    {
        var state = dialogue.Dialogue;
        var roster = state.Roster.ToBuilder();
        for (var i = roster.Count; i < invited; i++)
            Add(roster, null);
        for (var i = 0; i < imported; i++)
            Add(roster, i.ToString(CultureInfo.InvariantCulture));
        return state with { Roster = roster.ToImmutable() };
    }

    private static void Add(ImmutableDictionary<Guid, Member>.Builder roster, string? externalId)
    {
        var id = Guid.NewGuid();
        roster[id] = new Member(id, $"Member {roster.Count}", null, Role.Delegate, ImmutableDictionary<string, string>.Empty, externalId);
    }

    private Decision<DialogueEvent> Adding(DialogueState state, string? externalId) =>
        Dialogue.Decide(state, new AddMember(new Member(Guid.NewGuid(), "One more", null, Role.Delegate, ImmutableDictionary<string, string>.Empty, externalId)), dialogue.Convener, Opening);

    [Fact]
    public void ImportedVotersBeyondTheInvitedLimitAreAccepted()
    {
        var state = WithMembers(invited: 0, imported: Limits.RosterSize + 13_000);
        Assert.Null(Adding(state, "33001").Error);
    }

    [Fact]
    public void ImportedVotersDoNotTakeInvitedSeats()
    {
        var state = WithMembers(invited: 10, imported: Limits.RosterSize + 13_000);
        Assert.Null(Adding(state, null).Error);
    }

    [Fact]
    public void InvitedMembersStayBoundedBesideImportedOnes()
    {
        var state = WithMembers(invited: Limits.RosterSize, imported: 5);
        Assert.Equal(("roster.too-large", ErrorKind.Invalid), (Adding(state, null).Error?.Rule, Adding(state, null).Error?.Kind));
        Assert.Null(Adding(state, "6").Error);
    }

    [Fact]
    public void ImportedMembersHaveTheirOwnBound()
    {
        var state = WithMembers(invited: 0, imported: Limits.ImportedMembers);
        Assert.Equal("roster.too-large", Adding(state, "x").Error?.Rule);
    }
}
