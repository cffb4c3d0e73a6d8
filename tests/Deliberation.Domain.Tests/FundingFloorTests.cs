using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>Funding floors: ranges, the zone of agreement, the best value and the per-group curves (docs/consensus.md).</summary>
public sealed class FundingFloorTests
{
    private readonly DialogueBuilder dialogue = new();
    private readonly Guid[] china;
    private readonly Guid[] us;
    private readonly Guid floor;

    public FundingFloorTests()
    {
        china = dialogue.AddDelegates(3, China);
        us = dialogue.AddDelegates(3, UnitedStates);
        floor = dialogue.Clause("Leading developers should spend at least a share of their AI R&D on safety.", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
    }

    private FundingFloorAgreement Agreement => dialogue.ConsensusOf(floor).FundingFloor!;

    private GroupCurve Curve(string group) => Agreement.Curves.Single(c => c.Dimension == Region && c.Group == group);

    private static int Index(double value) => (int)Math.Round(value / 0.5);

    private void Ranges(Guid[] members, params (double Low, double High)[] ranges)
    {
        for (var i = 0; i < ranges.Length; i++)
            dialogue.Range(members[i], floor, ranges[i].Low, ranges[i].High);
    }

    [Fact]
    public void FundingFloorClauseGetsTheDefaultPercentageGrid()
    {
        var parameter = dialogue.ClauseOf(floor).Parameter!;
        Assert.Equal((0.0, 100.0, 0.5, "%"), (parameter.Min, parameter.Max, parameter.Step, parameter.Unit));
        Assert.Equal(201, parameter.GridSize);
        Assert.Equal(201, Curve(China).Supporting.Length);
    }

    [Fact]
    public void ZoneOfAgreementIsWhereEveryGroupMeetsTheRuleReportedAsIntervals()
    {
        Ranges(china, (10, 20), (15, 30), (30, 40));
        Ranges(us, (10, 33.5), (20, 50), (0, 5));

        // China has two of three supporters on [15, 20] and at 30; the United States on [20, 33.5].
        Assert.Equal([new ValueInterval(20, 20), new ValueInterval(30, 30)], Agreement.Zone.ToArray());
    }

    [Fact]
    public void BestValueTiesGoToTheHighestValue()
    {
        Ranges(china, (10, 20), (15, 30), (30, 40));
        Ranges(us, (10, 33.5), (20, 50), (0, 5));

        // The smallest group share is at most 2/3 anywhere, reached at 20 and at 30: the higher wins.
        Assert.Equal(30, Agreement.BestValue);
        Assert.Equal(2.0 / 3.0, Agreement.BestMinimumShare);
    }

    [Fact]
    public void BestValueMaximisesTheSmallestGroupShare()
    {
        Ranges(china, (10, 20), (10, 20), (15, 30));
        Ranges(us, (15, 25), (18, 40), (0, 100));

        Assert.Equal([new ValueInterval(15, 20)], Agreement.Zone.ToArray());
        // Both groups are unanimous on [18, 20]; 20 is the highest such value.
        Assert.Equal(20, Agreement.BestValue);
        Assert.Equal(1.0, Agreement.BestMinimumShare);
    }

    [Fact]
    public void CurvesCountSupportersAtEachGridValue()
    {
        Ranges(china, (10, 20), (15, 30), (30, 40));
        Ranges(us, (10, 33.5), (20, 50), (0, 5));

        var chinaCurve = Curve(China);
        Assert.Equal((3, 3), (chinaCurve.Members, chinaCurve.Stated));
        Assert.Equal(0, chinaCurve.Supporting[Index(9.5)]);
        Assert.Equal(1, chinaCurve.Supporting[Index(10)]);
        Assert.Equal(2, chinaCurve.Supporting[Index(15)]);
        Assert.Equal(2, chinaCurve.Supporting[Index(30)]);
        Assert.Equal(1, chinaCurve.Supporting[Index(40)]);
        Assert.Equal(0, chinaCurve.Supporting[Index(40.5)]);
        Assert.Equal(2.0 / 3.0, chinaCurve.Shares[Index(15)]);

        // 33.5 is a grid point and the range's end is inclusive.
        Assert.Equal(2, Curve(UnitedStates).Supporting[Index(33.5)]);
        Assert.Equal(1, Curve(UnitedStates).Supporting[Index(34)]);

        var europe = Curve(Europe);
        Assert.Equal((0, 0), (europe.Members, europe.Stated));
        Assert.Null(europe.Shares[0]);
    }

    [Fact]
    public void ZoneNeedsTheQuorumOfEachGroupToHaveStatedARange()
    {
        Ranges(china, (10, 30), (10, 30), (10, 30));
        Ranges(us, (10, 30)); // 1 of 3 stated: below ceil(0.5 × 3) = 2

        Assert.Empty(Agreement.Zone.ToArray());
        Assert.Equal(1, Curve(UnitedStates).Stated);
    }

    [Fact]
    public void AGroupThatStatedNoRangeDoesNotPullTheBestValueToTheTop()
    {
        Ranges(china, (10, 30), (10, 30), (20, 40)); // the United States state nothing

        Assert.Equal(30, Agreement.BestValue);
        Assert.Equal(1, Agreement.BestMinimumShare);
    }

    [Fact]
    public void ZoneReachingTheTopOfTheGridIsClosed()
    {
        Ranges(china, (90, 100), (95, 100), (0, 100));
        Ranges(us, (80, 100), (95, 100), (0, 100));

        Assert.Equal([new ValueInterval(90, 100)], Agreement.Zone.ToArray());
        Assert.Equal(100, Agreement.BestValue);
    }

    [Fact]
    public void RestatingARangeReplacesTheEarlierOne()
    {
        dialogue.Range(china[0], floor, 10, 20);
        dialogue.Range(china[0], floor, 30, 40);

        Assert.Equal(1, Curve(China).Stated);
        Assert.Equal(0, Curve(China).Supporting[Index(15)]);
        Assert.Equal(1, Curve(China).Supporting[Index(35)]);
    }

    [Fact]
    public void SubstantiveRevisionMakesEarlierRangesStale()
    {
        Ranges(china, (10, 30), (10, 30), (10, 30));
        Ranges(us, (10, 30), (10, 30), (10, 30));
        Assert.NotEmpty(Agreement.Zone.ToArray());

        dialogue.InPhase(Phase.Drafting);
        dialogue.Revise(floor, "Leading developers should spend a share of their AI R&D on safety and security.", RevisionKind.Substantive);

        Assert.Empty(Agreement.Zone.ToArray());
        Assert.Null(Agreement.BestValue);
        Assert.Equal(0, Curve(China).Stated);
    }

    [Fact]
    public void RangesThatSupportNoGridValueGiveNoBestValueNotTheTopOfTheGrid()
    {
        // 10.1–10.2 lies between the grid points 10 and 10.5: China stated a range, yet nobody supports any value.
        Ranges(china, (10.1, 10.2));

        Assert.Equal(1, Curve(China).Stated);
        Assert.All(Curve(China).Supporting, s => Assert.Equal(0, s));
        Assert.Null(Agreement.BestValue);
        Assert.Null(Agreement.BestMinimumShare);
    }

    [Fact]
    public void DisjointRangesGiveNoBestValue()
    {
        // Every value leaves one of the groups without a supporter: the smallest share is 0 everywhere.
        Ranges(china, (10, 20), (10, 20));
        Ranges(us, (50, 60), (55, 60));

        Assert.Empty(Agreement.Zone.ToArray());
        Assert.Null(Agreement.BestValue);
        Assert.Null(Agreement.BestMinimumShare);
    }

    [Fact]
    public void NoRangesMeansNoZoneAndNoBestValue()
    {
        Assert.Empty(Agreement.Zone.ToArray());
        Assert.Null(Agreement.BestValue);
        Assert.Null(Agreement.BestMinimumShare);
    }

    [Fact]
    public void CustomGridIsSolvedOnItsOwnSteps()
    {
        var parameter = new NumericParameter("Compute share", "%", 0, 50, 5);
        var dialogue = new DialogueBuilder();
        var europe = dialogue.AddDelegates(2, Europe);
        var clause = dialogue.Clause("Share of compute for evaluations.", ClauseKind.FundingFloor, parameter);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Range(europe[0], clause, 12, 37);
        dialogue.Range(europe[1], clause, 20, 50);

        var agreement = dialogue.ConsensusOf(clause).FundingFloor!;
        Assert.Equal(11, agreement.Curves[0].Supporting.Length);
        Assert.Equal([new ValueInterval(20, 35)], agreement.Zone.ToArray());
        Assert.Equal(35, agreement.BestValue);
    }

    [Fact]
    public void RangeWithLowAboveHighIsRefused()
    {
        var error = dialogue.Refused(new StateRange(floor, 1, 30, 20), china[0]);
        Assert.Equal(("range.reversed", ErrorKind.Invalid), (error.Rule, error.Kind));
        Assert.Equal("range.reversed", dialogue.Refused(new StateRange(floor, 1, double.NaN, 20), china[0]).Rule);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, 100.5)]
    [InlineData(-5, 105)]
    public void RangeOutsideZeroToHundredIsRefused(double low, double high)
    {
        var error = dialogue.Refused(new StateRange(floor, 1, low, high), china[0]);
        Assert.Equal(("range.out-of-bounds", ErrorKind.Invalid), (error.Rule, error.Kind));
    }

    [Fact]
    public void ASinglePointRangeIsAccepted()
    {
        dialogue.Range(china[0], floor, 33.5, 33.5);
        Assert.Equal(1, Curve(China).Supporting[Index(33.5)]);
        Assert.Equal(0, Curve(China).Supporting[Index(33)]);
    }

    [Fact]
    public void RangeOnAClauseWithoutAParameterIsRefused()
    {
        dialogue.InPhase(Phase.Drafting);
        var clause = dialogue.Clause("Deception is a red line.", ClauseKind.RedLine);
        Assert.Equal("range.not-a-parameter", dialogue.Refused(new StateRange(clause, 1, 10, 20), china[0]).Rule);
    }

    [Fact]
    public void RangesAreStatedOnlyWhenPositionsAreTaken()
    {
        dialogue.InPhase(Phase.FinalReading).InPhase(Phase.Signing);
        Assert.Equal("phase.not-allowed", dialogue.Refused(new StateRange(floor, 1, 10, 20), china[0]).Rule);
    }
}
