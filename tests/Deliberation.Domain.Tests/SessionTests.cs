using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Sessions;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>Sessions and invites as the domain judges them (docs/security.md): limited, expiring, ended with their invite.</summary>
public sealed class SessionTests
{
    private static readonly string Code = new('a', 64);

    private readonly DialogueBuilder dialogue = new();
    private readonly Guid member;
    private DialogueSessionsState sessions;

    public SessionTests()
    {
        member = dialogue.AddMember();
        dialogue.Must(new IssueInvite(member, Code, dialogue.Now.AddDays(30)), dialogue.Convener);
        sessions = DialogueSessionsState.Initial(dialogue.DialogueId);
    }

    private Decision<SessionEvent> Decide(SessionCommand command, Guid actor)
    {
        var decision = DialogueSessions.Decide(sessions, command, dialogue.Dialogue, actor, dialogue.Now);
        foreach (var e in decision.Events)
            sessions = DialogueSessions.Apply(sessions, e, new EventMeta(sessions.Version + 1, dialogue.Now, actor));
        return decision;
    }

    [Fact]
    public void AnInviteStartsTwoSessionsAndNoThird()
    {
        Assert.True(Decide(new RedeemInvite(Guid.NewGuid(), Code), member).IsAccepted);
        Assert.True(Decide(new RedeemInvite(Guid.NewGuid(), Code), member).IsAccepted);
        Assert.Equal("invite.used-up", Decide(new RedeemInvite(Guid.NewGuid(), Code), member).Error?.Rule);
    }

    [Fact]
    public void TheNumberOfRedemptionsIsTheDialoguesSetting()
    {
        dialogue.Must(new ChangeSettings(dialogue.Dialogue.Settings with { InviteRedemptions = 1 }), dialogue.Convener);
        Assert.True(Decide(new RedeemInvite(Guid.NewGuid(), Code), member).IsAccepted);
        Assert.Equal("invite.used-up", Decide(new RedeemInvite(Guid.NewGuid(), Code), member).Error?.Rule);
    }

    [Fact]
    public void RevokingAnInviteOrRemovingTheMemberEndsHerSessions()
    {
        var session = Guid.NewGuid();
        Decide(new RedeemInvite(session, Code), member);
        Assert.NotNull(sessions.LiveSessionOrNull(session, dialogue.Dialogue));

        dialogue.Must(new RevokeInvite(Code), dialogue.Convener);

        Assert.Null(sessions.LiveSessionOrNull(session, dialogue.Dialogue));
        Assert.Equal("invite.revoked", Decide(new RedeemInvite(Guid.NewGuid(), Code), member).Error?.Rule);
    }

    [Fact]
    public void AnInviteHeldBySomeoneElseSignsNobodyIn()
    {
        var other = dialogue.AddMember();
        Assert.Equal("invite.revoked", Decide(new RedeemInvite(Guid.NewGuid(), Code), other).Error?.Rule);
        Assert.Equal("dialogue.not-a-member", Decide(new RedeemInvite(Guid.NewGuid(), Code), Guid.NewGuid()).Error?.Rule);
    }

    [Fact]
    public void OnlyTheConvenerStartsASessionWithoutAnInviteAndOnlyOnce()
    {
        Assert.Equal("session.invite-required", Decide(new StartFoundingSession(Guid.NewGuid()), member).Error?.Rule);
        Assert.True(Decide(new StartFoundingSession(Guid.NewGuid()), dialogue.Convener).IsAccepted);
        Assert.Equal("session.invite-required", Decide(new StartFoundingSession(Guid.NewGuid()), dialogue.Convener).Error?.Rule);
    }

    [Fact]
    public void ASessionIsEndedByItsHolderOrAnOrganiserOnly()
    {
        var session = Guid.NewGuid();
        Decide(new RedeemInvite(session, Code), member);
        var stranger = dialogue.AddMember();
        Assert.Equal("session.not-yours", Decide(new EndSession(session), stranger).Error?.Rule);
        Assert.True(Decide(new EndSession(session), member).IsAccepted);
        Assert.Null(sessions.LiveSessionOrNull(session, dialogue.Dialogue));
        // Ended sessions still count: signing out does not give the invite a redemption back.
        Assert.Equal(1, sessions.RedemptionsOf(Code));
    }

    [Fact]
    public void AnInviteCannotOutliveTheDialoguesInviteLifetime()
    {
        var error = dialogue.Refused(new IssueInvite(member, new string('b', 64), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)), dialogue.Convener);
        Assert.Equal("invite.expiry-too-late", error.Rule);
        dialogue.Must(new IssueInvite(member, new string('c', 64), dialogue.Now.AddDays(30)), dialogue.Convener);
        Assert.Equal("dialogue.invite-lifetime-out-of-range",
            dialogue.Refused(new ChangeSettings(dialogue.Dialogue.Settings with { InviteLifetimeDays = 91 }), dialogue.Convener).Rule);
    }

    [Fact]
    public void ImportedPositionsAreRefusedOnAStatementSomeoneHasTakenAPositionOn()
    {
        var clause = dialogue.Clause("No AI system should copy itself without human approval.");
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(member, clause, PositionKind.StandAside);

        var error = dialogue.Refused(new RecordImportedPositions([new ImportedPosition(member, clause, PositionKind.Block)]), dialogue.Facilitator);

        Assert.Equal("import.statement-live", error.Rule);
        Assert.Equal(PositionKind.StandAside, dialogue.ClauseOf(clause).Positions[member].Kind);
    }
}
