using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Client.Pages.Setup;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Client.Tests;

/// <summary>What issue 11 found wrong on the setup page: the stuttering header, "1 members", sticky group pickers, Track 2 officials and k.</summary>
public sealed class SetupPageFixesTests : ComponentTest
{
    private static readonly ImmutableArray<Dimension> Dimensions =
        [new("Region", ["China", "Europe", "United States", "United Kingdom"]), new("Sector", ["Academia", "Industry", "Government"])];

    [Fact]
    public void TheHeaderNamesThePhaseWithoutRepeatingSetup()
    {
        Assert.Equal("Phase: Setup", SetupSummary.Heading(Phase.Setup));
        Assert.Equal("Phase: Final reading", SetupSummary.Heading(Phase.FinalReading));
    }

    [Fact]
    public void OneMemberIsSingular()
    {
        Assert.Equal("1 member", SetupSummary.MemberCount(1));
        Assert.Equal("9 members", SetupSummary.MemberCount(9));
    }

    [Fact]
    public void TheGroupPickersStartEmptyForTheNextPerson()
    {
        var added = new List<AddMemberRequest>();
        var cut = Render<AddMemberForm>(p => p
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.OnAdd, r => { added.Add(r); return Task.FromResult(true); }));

        cut.Find("[data-testid='member-name']").Input("Hans Becker");
        cut.Find("[data-testid='member-group-Region']").Change("Europe");
        cut.Find("[data-testid='member-group-Sector']").Change("Industry");
        cut.Find("[data-testid='add-member-form']").Submit();

        cut.Find("[data-testid='member-name']").Input("Ama Mensah");
        cut.Find("[data-testid='member-role']").Change(Role.Rapporteur.ToString());
        cut.Find("[data-testid='add-member-form']").Submit();

        Assert.Equal(2, added.Count);
        Assert.Equal(["Region=Europe", "Sector=Industry"], added[0].Groups!.Select(g => $"{g.Key}={g.Value}").Order());
        Assert.Empty(added[1].Groups!);
        Assert.Equal(Role.Rapporteur, added[1].Role);
        Assert.Equal("", cut.Find("[data-testid='member-group-Region']").GetAttribute("value"));
        Assert.Equal("", cut.Find("[data-testid='member-group-Sector']").GetAttribute("value"));
        Assert.Equal(Role.Delegate.ToString(), cut.Find("[data-testid='member-role']").GetAttribute("value"));
    }

    [Fact]
    public void AFailedAddKeepsWhatWasTyped()
    {
        var cut = Render<AddMemberForm>(p => p
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.OnAdd, _ => Task.FromResult(false)));

        cut.Find("[data-testid='member-name']").Input("Hans Becker");
        cut.Find("[data-testid='member-group-Region']").Change("Europe");
        cut.Find("[data-testid='add-member-form']").Submit();

        Assert.Equal("Hans Becker", cut.Find("[data-testid='member-name']").GetAttribute("value"));
        Assert.Equal("Europe", cut.Find("[data-testid='member-group-Region']").GetAttribute("value"));
    }

    [Theory]
    [InlineData(Track.Track2, true)]
    [InlineData(Track.Track1_5, false)]
    public void GovernmentInATrackTwoDialogueGetsAHintNotABan(Track track, bool hinted)
    {
        AddMemberRequest? added = null;
        var cut = Render<AddMemberForm>(p => p
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.Track, track)
            .Add(x => x.OnAdd, r => { added = r; return Task.FromResult(true); }));

        Assert.Empty(cut.FindAll("[data-testid='track2-official-hint']"));
        cut.Find("[data-testid='member-name']").Input("Rachel Green");
        cut.Find("[data-testid='member-group-Sector']").Change("Government");

        Assert.Equal(hinted, cut.FindAll("[data-testid='track2-official-hint']").Count == 1);
        cut.Find("[data-testid='add-member-form']").Submit();
        Assert.Equal("Government", added?.Groups?["Sector"]);
    }

    [Fact]
    public void KThatFoldsEveryGroupForDelegatesIsWarnedAbout()
    {
        // Nine people: a convener, a facilitator and seven delegates, two or fewer per region.
        string[] regions = ["China", "China", "Europe", "Europe", "United States", "United States", "United Kingdom"];
        var roster = regions.Select((r, i) => Member(Role.Delegate, r, i % 2 == 0 ? "Academia" : "Industry"))
            .Append(Member(Role.Convener, "Europe", "Academia")).Append(Member(Role.Facilitator, "China", "Academia"))
            .ToImmutableArray();

        var warnings = SetupSummary.FoldWarnings(Dialogue(roster, k: 3));
        var lenient = SetupSummary.FoldWarnings(Dialogue(roster, k: 2));

        var warning = Assert.Single(warnings);
        Assert.Contains("Region", warning);
        Assert.Contains(ConsensusRedaction.FoldedRowName, warning);
        Assert.Empty(lenient);
    }

    private static MemberView Member(Role role, string region, string sector) =>
        new(Guid.NewGuid(), $"{role} {Guid.NewGuid():N}"[..20], null, role,
            ImmutableDictionary<string, string>.Empty.Add("Region", region).Add("Sector", sector));

    private static DialogueView Dialogue(ImmutableArray<MemberView> roster, int k) =>
        new(Guid.NewGuid(), 1, new DialogueSettings("Nine", MinimumGroupSize: k), Phase.Setup, Dimensions, ConsensusRules.Standard,
            roster, [], null, [], null, [], roster[^2]);
}
