using System.Net;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/api.md, Errors: numbers that are not finite, a body without its <c>type</c>, broken JSON —
/// each a 400 with a rule and nothing stored, never a 500. A <c>type</c> that is not the first
/// property is accepted, as JSON objects have no order.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MalformedJsonTests(ServerFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    public static TheoryData<string> NonFiniteRanges => new()
    {
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":NaN,"high":20}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":"NaN","high":20}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":10,"high":"Infinity"}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":10,"high":Infinity}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":10,"high":1e400}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":-1e400,"high":20}""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1,"low":"-Infinity","high":20}""",
        // No type at all, and a type that is not a statement command.
        """{"clauseId":"{clause}","revision":1,"low":10,"high":20}""",
        """{"type":null,"clauseId":"{clause}","revision":1,"low":10,"high":20}""",
        """{"type":42,"clauseId":"{clause}","revision":1,"low":10,"high":20}""",
        """{"type":"RaiseHand"}""",
        """[]""",
        """null""",
        """{"type":"StateRange","clauseId":"{clause}","revision":1e400,"low":10,"high":20}""",
        """{"type":"StateRange","type":"StateRange","clauseId":"{clause}","revision":1,"low":10,"high":20}""",
    };

    [Theory]
    [MemberData(nameof(NonFiniteRanges))]
    public async Task ABrokenStatementCommandIsABadRequestWithARule(string body)
    {
        using var dialogue = await CreateAsync(Server);
        var floor = await dialogue.ProposeClauseAsync(Rapporteur, "At least a third of R&D on safety.", ClauseKind.FundingFloor);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        var before = await StoreCounts.OfAsync(Server);

        var response = await dialogue["N1"].PostRawAsync($"{dialogue.StatementUrl}/commands", body.Replace("{clause}", floor.ToString()));

        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    public static TheoryData<string> BrokenRules => new()
    {
        """{"type":"ChangeConsensusRules","rules":{"default":{"threshold":NaN,"quorum":0.5},"overrides":{}}}""",
        """{"type":"ChangeConsensusRules","rules":{"default":{"threshold":"NaN","quorum":0.5},"overrides":{}}}""",
        """{"type":"ChangeConsensusRules","rules":{"default":{"threshold":0.6,"quorum":1e400},"overrides":{}}}""",
        """{"type":"ChangeConsensusRules","rules":{"default":{"threshold":"Infinity","quorum":0.5},"overrides":{}}}""",
        """{"rules":{"default":{"threshold":0.6,"quorum":0.5},"overrides":{}}}""",
        """{"type":"ChangeConsensusRules","rules":{"default":{"threshold":0.6,"quorum":0.5},"overrides":{}}""",
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task ABrokenRuleIsABadRequestWithARule(string body)
    {
        using var dialogue = await CreateAsync(Server);
        var before = await StoreCounts.OfAsync(Server);

        var response = await dialogue.Convener.PostRawAsync($"{dialogue.Url}/commands", body);

        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "request.malformed");
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
    }

    [Fact]
    public async Task ATypeThatIsNotFirstIsReadAllTheSame()
    {
        using var dialogue = await CreateAsync(Server);
        var floor = await dialogue.ProposeClauseAsync(Rapporteur, "At least a third of R&D on safety.", ClauseKind.FundingFloor);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);

        await Expect.AcceptedAsync(await dialogue["N1"].PostRawAsync($"{dialogue.StatementUrl}/commands",
            $$"""{"clauseId":"{{floor}}","revision":1,"low":10,"high":20,"type":"StateRange"}"""));
        await Expect.AcceptedAsync(await dialogue.Convener.PostRawAsync($"{dialogue.Url}/commands",
            """{"rules":{"default":{"threshold":0.75,"quorum":0.5},"overrides":{}},"type":"ChangeConsensusRules"}"""));
    }
}
