using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

public sealed class SigningPanelTests : ComponentTest
{
    private const string FrozenHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly MemberView Delegate = new(Guid.NewGuid(), "Ana Lima", "University of São Paulo", Role.Delegate, ImmutableDictionary<string, string>.Empty);

    private static StatementView Statement(bool frozen, params Signature[] signatures) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Venice consensus statement", 7,
        frozen ? new FrozenView(FrozenHash, DateTimeOffset.UnixEpoch, "Venice consensus statement\n\n1. Red lines.") : null,
        [], [], [.. signatures]);

    private static Signature SignatureOf(MemberView member, string name, string hash = FrozenHash) =>
        new(member.ParticipantId, name, member.Affiliation, SignatureCapacity.Personal, hash, DateTimeOffset.UnixEpoch);

    private IRenderedComponent<SigningPanel> RenderPanel(StatementView statement, Phase phase = Phase.Signing, MemberView? you = null,
        Func<SignatureDetails, Task<CommandOutcome>>? onSign = null, Func<string?, Task<CommandOutcome>>? onWithdraw = null) =>
        Render<SigningPanel>(p => p
            .Add(x => x.Statement, statement)
            .Add(x => x.You, you ?? Delegate)
            .Add(x => x.Phase, phase)
            .Add(x => x.OnSign, onSign ?? (_ => Task.FromResult(CommandOutcome.Ok("statement-x", 8))))
            .Add(x => x.OnWithdraw, onWithdraw ?? (_ => Task.FromResult(CommandOutcome.Ok("statement-x", 9)))));

    [Fact]
    public void NothingIsShownBeforeTheTextIsFrozen()
    {
        var cut = RenderPanel(Statement(frozen: false), Phase.FinalReading);

        Assert.Empty(cut.FindAll("[data-testid='signing-panel']"));
        Assert.Empty(cut.FindAll("[data-testid='sign-submit']"));
        Assert.Empty(cut.FindAll("[data-testid='frozen-hash']"));
    }

    [Fact]
    public void SigningSendsTheFrozenHashShownWithTheDetailsGiven()
    {
        SignatureDetails? sent = null;
        var cut = RenderPanel(Statement(frozen: true), onSign: s => { sent = s; return Task.FromResult(CommandOutcome.Ok("statement-x", 8)); });

        Assert.Equal(FrozenHash, cut.Find("[data-testid='frozen-hash']").TextContent);
        Assert.Equal("Ana Lima", cut.Find("[data-testid='sign-name']").GetAttribute("value"));
        Assert.Equal("University of São Paulo", cut.Find("[data-testid='sign-affiliation']").GetAttribute("value"));

        // The name is the roster's: shown, not editable, and not sent (the server prints the roster's).
        Assert.True(cut.Find("[data-testid='sign-name']").HasAttribute("readonly"));
        cut.Find("[data-testid='sign-capacity-Institutional']").Change(true);
        cut.Find("[data-testid='sign-form']").Submit();

        Assert.Equal(new SignatureDetails("University of São Paulo", SignatureCapacity.Institutional, FrozenHash), sent);
        Assert.Empty(cut.FindAll("[data-testid='sign-error']"));
    }

    [Fact]
    public void ARefusalIsShownWithTheRulesMessage()
    {
        var cut = RenderPanel(Statement(frozen: true), onSign: _ => Task.FromResult(
            CommandOutcome.Refused("statement-x", 7, RuleError.Conflict("sign.hash-mismatch", "The text you were shown is not the frozen text; reload it before signing."))));

        cut.Find("[data-testid='sign-submit']").Click();

        var error = cut.Find("[data-testid='sign-error']");
        Assert.Equal("sign.hash-mismatch", error.GetAttribute("data-rule"));
        Assert.Contains("The text you were shown is not the frozen text", error.TextContent);
    }

    [Fact]
    public void WithdrawingSendsTheReasonAndShowsARefusal()
    {
        var reasons = new List<string?>();
        var statement = Statement(frozen: true, SignatureOf(Delegate, "Ana Lima"));
        var cut = RenderPanel(statement, onWithdraw: r =>
        {
            reasons.Add(r);
            return Task.FromResult(reasons.Count == 1
                ? CommandOutcome.Refused("statement-x", 8, RuleError.Conflict("phase.closed", "The dialogue is closed."))
                : CommandOutcome.Ok("statement-x", 9));
        });

        Assert.Contains("You signed as", cut.Find("[data-testid='my-signature']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='sign-form']"));

        cut.Find("[data-testid='withdraw-signature']").Click();
        cut.Find("[data-testid='withdraw-reason']").Input(" my institution asked me to ");
        cut.Find("[data-testid='withdraw-confirm']").Click();

        Assert.Contains("The dialogue is closed.", cut.Find("[data-testid='sign-error']").TextContent);
        // The form stays open with the reason, to try again.
        Assert.Equal(" my institution asked me to ", cut.Find("[data-testid='withdraw-reason']").GetAttribute("value"));

        cut.Find("[data-testid='withdraw-confirm']").Click();

        Assert.Equal(["my institution asked me to", "my institution asked me to"], reasons);
        Assert.Empty(cut.FindAll("[data-testid='withdraw-form']"));
        Assert.Empty(cut.FindAll("[data-testid='sign-error']"));
    }

    [Fact]
    public void WithdrawingCanBeCancelledAndNeedsNoReason()
    {
        var reasons = new List<string?>();
        var cut = RenderPanel(Statement(frozen: true, SignatureOf(Delegate, "Ana Lima")), onWithdraw: r => { reasons.Add(r); return Task.FromResult(CommandOutcome.Ok("s", 9)); });

        cut.Find("[data-testid='withdraw-signature']").Click();
        cut.Find("[data-testid='withdraw-cancel']").Click();
        Assert.Empty(reasons);

        cut.Find("[data-testid='withdraw-signature']").Click();
        cut.Find("[data-testid='withdraw-form']").Submit();
        Assert.Equal([null], reasons);
    }

    [Fact]
    public void SignatoriesAreListedWithTheViewerMarked()
    {
        var other = new MemberView(Guid.NewGuid(), "Wei Chen", "Tsinghua University", Role.Delegate, ImmutableDictionary<string, string>.Empty);
        var cut = RenderPanel(Statement(frozen: true, SignatureOf(other, "Wei Chen"), SignatureOf(Delegate, "Ana Lima")));

        Assert.Equal("2 signatories", cut.Find("[data-testid='signatory-count']").TextContent);
        Assert.Contains("Tsinghua University", cut.Find($"[data-testid='signatory-{other.ParticipantId}']").TextContent);
        Assert.Contains("(you)", cut.Find($"[data-testid='signatory-{Delegate.ParticipantId}']").TextContent);
    }

    [Fact]
    public void BeforeTheSigningPhaseTheHashIsShownButNotTheForm()
    {
        var cut = RenderPanel(Statement(frozen: true), Phase.FinalReading);

        Assert.Equal(FrozenHash, cut.Find("[data-testid='frozen-hash']").TextContent);
        Assert.Contains("Signing opens", cut.Find("[data-testid='sign-closed']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='sign-form']"));
        Assert.NotNull(cut.Find("[data-testid='signatories-empty']"));
    }

    [Fact]
    public void ObserversSeeTheSignatoriesButDoNotSign()
    {
        var observer = Delegate with { ParticipantId = Guid.NewGuid(), Role = Role.Observer };
        var cut = RenderPanel(Statement(frozen: true), you: observer);

        Assert.Contains("Observers do not sign", cut.Find("[data-testid='sign-closed']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='sign-form']"));
    }
}
