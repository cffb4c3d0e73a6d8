using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/security.md, "Disclosure control": the rows the room sees make every cell (one shown row per
/// dimension) hold at least k members, so no combination of rows singles anyone out.
/// </summary>
public sealed class RoomFoldingTests
{
    /// <summary>The demo's roster: one delegate for every Region × Sector pair, k = 3.</summary>
    private static (DialogueBuilder Dialogue, Dictionary<(string Region, string Sector), Guid> Delegates, Guid Clause) DemoRoom()
    {
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: 3);
        var delegates = new Dictionary<(string, string), Guid>();
        foreach (var region in StandardDimensions[0].Groups)
            foreach (var sector in StandardDimensions[1].Groups)
                delegates[(region, sector)] = dialogue.AddMember(region: region, sector: sector);
        var clause = dialogue.Clause("Autonomous replication is a red line.", ClauseKind.RedLine);
        dialogue.InPhase(Phase.Deliberation);
        return (dialogue, delegates, clause);
    }

    [Fact]
    public void TheDemoRoster_ShowsRegionPerGroup_AndFoldsSectorWhole()
    {
        var (dialogue, _, _) = DemoRoom();

        var folding = Disclosure.RoomFolding(dialogue.Dialogue);

        Assert.False(folding.ContainsKey(Region));
        Assert.Equal(StandardDimensions[1].Groups.Order(), folding[Sector].Order());
    }

    [Fact]
    public void ALoneBlocker_IsNotTheOnlyMemberOfAnyCombinationOfShownRows()
    {
        var (dialogue, delegates, clause) = DemoRoom();
        dialogue.Take(delegates[(China, Academia)], clause, PositionKind.Block);

        var seen = Disclosure.ForRoom(dialogue.ConsensusOf(clause), dialogue.Dialogue);

        // Per-dimension folding would show "China: 1 block" and "Academia: 1 block" — China ∩ Academia is one person.
        var sector = seen.Dimensions.Single(d => d.Name == Sector);
        Assert.Equal([ConsensusRedaction.FoldedRowName], sector.Groups.Select(g => g.Group));
        Assert.Equal(1, seen.Dimensions.Single(d => d.Name == Region).Groups.Single(g => g.Group == China).Block);
        // China's row holds four people; the blocker could be any of them.
        Assert.Equal(4, seen.Dimensions.Single(d => d.Name == Region).Groups.Single(g => g.Group == China).Members);
    }

    [Fact]
    public void AFoldedRow_HasEveryFigureFromItsOwnCounts_AndTheGacComesFromTheRowsShown()
    {
        var (dialogue, delegates, clause) = DemoRoom();
        dialogue.Take(delegates[(China, Academia)], clause, PositionKind.Support);
        dialogue.Take(delegates[(China, Industry)], clause, PositionKind.Support);
        dialogue.Take(delegates[(Europe, Government)], clause, PositionKind.Oppose);
        dialogue.Take(delegates[(GlobalSouth, CivilSociety)], clause, PositionKind.StandAside);

        var seen = Disclosure.ForRoom(dialogue.ConsensusOf(clause), dialogue.Dialogue);

        var row = seen.Dimensions.Single(d => d.Name == Sector).Groups.Single();
        Assert.Equal((16, 2, 1, 1, 12), (row.Members, row.Support, row.Oppose, row.StandAside, row.Silent));
        var rule = dialogue.Dialogue.Rules.For(ClauseKind.RedLine);
        Assert.Equal(ConsensusArithmetic.Share(row.Counts), row.Share);
        Assert.Equal(ConsensusArithmetic.MeetsRule(row.Counts, 16, rule), row.MeetsRule);
        Assert.Equal(ConsensusArithmetic.Needed(row.Counts, 16, rule), row.Needed);
        Assert.Equal(GroupInformedConsensus.Of([row.Counts]), seen.Dimensions.Single(d => d.Name == Sector).Gac);
        var shown = seen.Dimensions.SelectMany(d => d.Groups).ToArray();
        Assert.Equal(5, shown.Length);
        Assert.Equal(GroupInformedConsensus.Of(shown.Select(g => g.Counts)), seen.Gac);
        Assert.Equal(GroupInformedConsensus.GeometricMean(seen.Gac, 5), seen.GacGeometricMean);
        // The status is the real groups' (the one residual, docs/security.md).
        Assert.Equal(dialogue.StatusOf(clause), seen.Status);
    }

    [Fact]
    public void NothingFolds_WhenEveryCellHoldsK()
    {
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: 2);
        foreach (var region in new[] { China, UnitedStates })
            foreach (var sector in new[] { Academia, Industry })
                dialogue.AddDelegates(2, region, sector);

        Assert.Empty(Disclosure.RoomFolding(dialogue.Dialogue));
    }

    [Fact]
    public void EveryNonEmptyCell_HoldsK_ForRandomRosters()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[2, 4], Gen.Int[2, 4], Gen.Int[0, 6].Array[16])
            .Sample((k, regions, sectors, counts) =>
            {
                var dims = ImmutableArray.Create(
                    new Dimension(Region, [.. StandardDimensions[0].Groups.Take(regions)]),
                    new Dimension(Sector, [.. StandardDimensions[1].Groups.Take(sectors)]));
                var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: k, dimensions: dims);
                for (var r = 0; r < regions; r++)
                    for (var s = 0; s < sectors; s++)
                        dialogue.AddDelegates(counts[r * 4 + s], dims[0].Groups[r], dims[1].Groups[s]);
                var voters = dialogue.Dialogue.Roster.Values.Where(m => m.Role == Role.Delegate).ToArray();
                if (voters.Length < k)
                    return;
                var folding = Disclosure.RoomFolding(dialogue.Dialogue);
                var cells = voters.GroupBy(m => string.Join("|", dims.Select(d => Disclosure.ShownRow(folding, d.Name, m.GroupIn(d.Name)!))));
                Assert.All(cells, c => Assert.True(c.Count() >= k, $"cell {c.Key} holds {c.Count()} < k = {k}; folding {string.Join(";", folding.Select(f => f.Key + ":" + string.Join(",", f.Value)))}"));
            }, iter: 300);
    }
}
