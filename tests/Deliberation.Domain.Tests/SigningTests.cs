using System.Security.Cryptography;
using System.Text;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>Freezing the canonical text (SHA-256) and signing bound to that hash.</summary>
public sealed class SigningTests
{
    private readonly DialogueBuilder dialogue = new(statementTitle: "IDAIS-Venice Consensus Statement");
    private readonly Guid signer;

    public SigningTests()
    {
        signer = dialogue.AddMember(region: China, sector: Academia, name: "Andrew Yao");
        dialogue.Clause("AI safety is a global public good.", ClauseKind.Preamble);
        var withdrawn = dialogue.Clause("A clause dropped in drafting.");
        dialogue.Clause("Emergency preparedness agreements and institutions.", ClauseKind.GovernanceProposal);
        dialogue.Must(new WithdrawClause(withdrawn, null), dialogue.Facilitator);
        dialogue.InPhase(Phase.FinalReading);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void FreezingHashesTheCanonicalTextWithSha256()
    {
        var heads = dialogue.Heads();
        var frozen = Assert.IsType<StatementFrozen>(Assert.Single(dialogue.Must(dialogue.Freeze(), dialogue.Facilitator)));

        // Title, blank line, then each clause not withdrawn numbered from 1, separated by blank lines,
        // then the history block: "History" and one "streamId version hash" line per stream, dialogue first.
        var expected = "IDAIS-Venice Consensus Statement\n\n1. AI safety is a global public good.\n\n2. Emergency preparedness agreements and institutions."
            + $"\n\nHistory\n{heads.Dialogue.StreamId} {heads.Dialogue.Version} {heads.Dialogue.Hash}\n{heads.Statement.StreamId} {heads.Statement.Version} {heads.Statement.Hash}";
        Assert.Equal(expected, frozen.CanonicalText);
        Assert.Equal(Sha256(expected), frozen.Hash);
        Assert.Equal(64, frozen.Hash.Length);
        Assert.Equal(frozen.Hash, dialogue.Statement.Frozen?.Hash);
        Assert.Equal(heads, frozen.Heads);
        Assert.Equal(heads, dialogue.Statement.Frozen?.Heads);
    }

    [Fact]
    public void TheFrozenHashCoversTheHistoryHeads()
    {
        var heads = dialogue.Heads();
        var text = CanonicalText.Of(dialogue.Statement, heads);
        var otherStatementHash = heads with { Statement = heads.Statement with { Hash = Sha256("another history") } };
        var otherDialogueVersion = heads with { Dialogue = heads.Dialogue with { Version = heads.Dialogue.Version - 1 } };

        Assert.Contains(heads.Statement.ToLine(), text);
        Assert.Contains(heads.Dialogue.ToLine(), text);
        Assert.NotEqual(CanonicalText.Hash(text), CanonicalText.Hash(CanonicalText.Of(dialogue.Statement, otherStatementHash)));
        Assert.NotEqual(CanonicalText.Hash(text), CanonicalText.Hash(CanonicalText.Of(dialogue.Statement, otherDialogueVersion)));
    }

    [Fact]
    public void FreezingWithoutHeadsIsRefused()
    {
        var error = dialogue.Refused(new FreezeStatement(), dialogue.Facilitator);
        Assert.Equal(("freeze.heads-missing", ErrorKind.Invalid), (error.Rule, error.Kind));
    }

    [Fact]
    public void FreezingWithHeadsThatAreNotTheCurrentOnesIsRefused()
    {
        var heads = dialogue.Heads();
        var behindStatement = heads with { Statement = heads.Statement with { Version = heads.Statement.Version - 1 } };
        var behindDialogue = heads with { Dialogue = heads.Dialogue with { Version = heads.Dialogue.Version - 1 } };
        var otherStream = heads with { Statement = heads.Statement with { StreamId = StreamIds.Statement(Guid.NewGuid()) } };

        foreach (var stale in new[] { behindStatement, behindDialogue, otherStream })
            Assert.Equal("freeze.heads-stale", dialogue.Refused(new FreezeStatement(stale), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void KnownSha256OfTheEmptyText() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalText.Hash(""));

    [Fact]
    public void SignatureIsBoundToTheFrozenHash()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        var hash = dialogue.Statement.Frozen!.Hash;

        dialogue.Must(new Sign("Tsinghua University", SignatureCapacity.Personal, hash.ToUpperInvariant()), signer);

        var signature = dialogue.Statement.Signatures[signer];
        Assert.Equal(("Andrew Yao", "Tsinghua University", SignatureCapacity.Personal, hash), (signature.Name, signature.Affiliation, signature.Capacity, signature.TextHash));
    }

    [Fact]
    public void SigningWithTheWrongHashIsRefused()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);

        var error = dialogue.Refused(new Sign(null, SignatureCapacity.Personal, Sha256("some other text")), signer);
        Assert.Equal(("sign.hash-mismatch", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void SigningBeforeFreezingIsRefused()
    {
        dialogue.InPhase(Phase.Signing);
        Assert.Equal("sign.not-frozen", dialogue.Refused(new Sign(null, SignatureCapacity.Personal, Sha256("")), signer).Rule);
    }

    [Fact]
    public void SigningOnlyHappensInTheSigningPhase()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        var error = dialogue.Refused(new Sign(null, SignatureCapacity.Personal, dialogue.Statement.Frozen!.Hash), signer);
        Assert.Equal(("phase.not-allowed", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void SigningTwiceIsRefused()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        var hash = dialogue.Statement.Frozen!.Hash;
        dialogue.Must(new Sign(null, SignatureCapacity.Institutional, hash), signer);
        Assert.Equal("sign.already-signed", dialogue.Refused(new Sign(null, SignatureCapacity.Institutional, hash), signer).Rule);
    }

    [Fact]
    public void WithdrawingASignatureRemovesItAndIsAnEvent()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        dialogue.Must(new Sign(null, SignatureCapacity.Personal, dialogue.Statement.Frozen!.Hash), signer);

        var withdrawn = Assert.IsType<SignatureWithdrawn>(Assert.Single(dialogue.Must(new WithdrawSignature("Changed my mind."), signer)));

        Assert.Equal("Changed my mind.", withdrawn.Reason);
        Assert.Empty(dialogue.Statement.Signatures);
        Assert.Equal("sign.not-signed", dialogue.Refused(new WithdrawSignature(null), signer).Rule);
    }

    [Fact]
    public void ObserversDoNotSign()
    {
        var observer = dialogue.AddMember(Role.Observer);
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        Assert.Equal(ErrorKind.Forbidden, dialogue.Refused(new Sign(null, SignatureCapacity.Personal, dialogue.Statement.Frozen!.Hash), observer).Kind);
    }

    [Fact]
    public void FrozenTextCannotBeEdited()
    {
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Drafting);
        var clause = dialogue.Statement.ClauseOrder[0];
        var error = dialogue.Refused(new ReviseClause(clause, 1, "AI safety is a global public good, for all.", RevisionKind.Substantive, null), dialogue.Facilitator);
        Assert.Equal(("statement.frozen", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void TextWithOpenBracketsCannotBeFrozen()
    {
        dialogue.InPhase(Phase.Drafting);
        dialogue.Clause("Spend [one third | 20%] on safety.", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.FinalReading);
        Assert.Equal("freeze.open-brackets", dialogue.Refused(dialogue.Freeze(), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void OnlyTheFacilitatorFreezes() =>
        Assert.Equal(ErrorKind.Forbidden, dialogue.Refused(dialogue.Freeze(), signer).Kind);
}
