namespace Deliberation.Polis.Tests;

public sealed class ReferenceGroupInformedConsensusTests
{
    [Fact]
    public void MatchesAHandWorkedExample()
    {
        // Groups "0" (participants 0, 1) and "1" (participant 2); participant 3 is not clustered.
        const string csv = """
            participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
            0,0,0,2,1,1,1,-1,
            1,0,0,1,1,0,1,,
            2,1,0,2,1,0,0,1,
            3,,0,3,3,0,1,1,1
            """;

        var gac = ReferenceGroupInformedConsensus.FromCsvText(csv);

        // Comment 0: group 0 agrees 2 of 2 → 3/4; group 1 passes 1 of 1 → 1/3.
        Assert.Equal(3.0 / 4 * (1.0 / 3), gac[0], 12);
        // Comment 1: group 0 disagrees 1 of 1 → 1/3; group 1 agrees 1 of 1 → 2/3.
        Assert.Equal(1.0 / 3 * (2.0 / 3), gac[1], 12);
        // Comment 2: only the unclustered participant voted → 1/2 · 1/2.
        Assert.Equal(0.25, gac[2], 12);
        Assert.Equal(3, gac.Count);
    }

    [Fact]
    public void HandlesQuotedFieldsAndCrLf()
    {
        const string csv = "participant,group-id,7\r\n0,\"a, b\",1\r\n1,\"a, b\",1\r\n";

        Assert.Equal(3.0 / 4, ReferenceGroupInformedConsensus.FromCsvText(csv)[7], 12);
    }

    [Fact]
    public void BrexitConsensusValuesLieInZeroOne()
    {
        var gac = ReferenceGroupInformedConsensus.Compute(
            PolisData.File("brexit-consensus", PolisFiles.ParticipantsVotes));

        Assert.Equal(50, gac.Count);
        Assert.All(gac.Values, v => Assert.InRange(v, double.Epsilon, 1.0));
        // Two groups: each factor is below 1, so the product is too, and the best comment is well above 1/4.
        Assert.All(gac.Values, v => Assert.True(v < 1.0));
        Assert.True(gac.Values.Max() > 0.25);
    }

    [Theory]
    [MemberData(nameof(PolisData.Conversations), MemberType = typeof(PolisData))]
    public void AgreesWithTheFormulaOverTheImportedConversation(string name)
    {
        var reference = ReferenceGroupInformedConsensus.Compute(PolisData.File(name, PolisFiles.ParticipantsVotes));
        var conversation = PolisData.Read(name, withVotes: false);

        var groups = conversation.Participants.Where(p => p.GroupId is not null).GroupBy(p => p.GroupId).ToList();
        var votedOn = conversation.Participants.SelectMany(p => p.Votes.Keys).ToHashSet();
        Assert.Equal(votedOn.Order(), reference.Keys.Order());
        foreach (var commentId in votedOn)
        {
            var gac = 1.0;
            foreach (var group in groups)
            {
                var votes = group.Where(p => p.Votes.ContainsKey(commentId)).Select(p => p.Votes[commentId]).ToList();
                gac *= (votes.Count(v => v == 1) + 1.0) / (votes.Count + 2.0);
            }

            Assert.Equal(gac, reference[commentId], 12);
        }
    }
}
