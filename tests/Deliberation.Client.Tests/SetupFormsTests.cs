using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Client.Tests;

public sealed class SetupFormsTests : ComponentTest
{
    private static readonly ImmutableArray<Dimension> Dimensions =
        [new("Region", ["China", "Europe"]), new("Sector", ["Academia", "Industry"])];

    private static readonly MemberView Member = new(Guid.NewGuid(), "Hans Becker", "ETH Zürich", Role.Delegate,
        ImmutableDictionary<string, string>.Empty.Add("Region", "Europe").Add("Sector", "Academia"));

    [Fact]
    public void TheMemberEditorSendsTheWholeChangedMember()
    {
        Member? saved = null;
        var cut = Render<MemberEditor>(p => p
            .Add(x => x.Member, Member)
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.OnSave, (Member m) => saved = m));

        Assert.True(cut.Find("[data-testid='edit-save']").HasAttribute("disabled"));

        cut.Find("[data-testid='edit-role']").Change(Role.Observer.ToString());
        cut.Find("[data-testid='edit-group-Sector']").Change("");
        cut.Find("[data-testid='edit-save']").Click();

        Assert.NotNull(saved);
        Assert.Equal(Role.Observer, saved.Role);
        Assert.Equal("Hans Becker", saved.DisplayName);
        Assert.Equal(ImmutableDictionary<string, string>.Empty.Add("Region", "Europe"), saved.Groups, new DictionaryEquality());
        Assert.Equal(["Role: Delegate → Observer", "Sector: Academia → none"], MemberEditor.Describe(Member, saved));
    }

    [Fact]
    public void AnOrganiserDoesNotChangeHerOwnRole()
    {
        var cut = Render<MemberEditor>(p => p
            .Add(x => x.Member, Member with { Role = Role.Convener })
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.IsYou, true));

        Assert.True(cut.Find("[data-testid='edit-role']").HasAttribute("disabled"));
    }

    [Fact]
    public void TheRuleFormKeepsAThresholdItShowsRounded()
    {
        ConsensusRules? saved = null;
        var cut = Render<RuleForm>(p => p
            .Add(x => x.Rules, ConsensusRules.Standard)
            .Add(x => x.Dimensions, Dimensions)
            .Add(x => x.OnSave, (ConsensusRules r) => saved = r));

        Assert.Equal("66.67", cut.Find("[data-testid='rule-threshold']").GetAttribute("value"));
        cut.Find("[data-testid='rule-quorum']").Input("60");
        cut.Find("[data-testid='rule-form']").Submit();

        Assert.NotNull(saved);
        Assert.Equal(2.0 / 3.0, saved.Default.Threshold);
        Assert.Equal(0.6, saved.Default.Quorum, 10);
        Assert.True(saved.Default.Dimensions.IsDefaultOrEmpty);
    }

    [Fact]
    public void TheRuleFormRefusesNoCountingDimension()
    {
        var cut = Render<RuleForm>(p => p
            .Add(x => x.Rules, ConsensusRules.Standard)
            .Add(x => x.Dimensions, Dimensions));

        cut.Find("[data-testid='rule-dimension-Region']").Change(false);
        cut.Find("[data-testid='rule-dimension-Sector']").Change(false);

        Assert.Contains("At least one dimension", cut.Find("[data-testid='rule-error']").TextContent);
        Assert.True(cut.Find("[data-testid='rule-save']").HasAttribute("disabled"));
    }

    [Fact]
    public void TheSettingsFormSaysWhatChanged()
    {
        DialogueSettings? saved = null;
        var settings = new DialogueSettings("IDAIS Venice", Venue: "Venice", Languages: ["en", "zh"]);
        var cut = Render<SettingsForm>(p => p
            .Add(x => x.Settings, settings)
            .Add(x => x.OnSave, (DialogueSettings s) => saved = s));

        cut.Find("[data-testid='settings-confidentiality']").Change(ConfidentialityMode.Attributed.ToString());
        cut.Find("[data-testid='settings-form']").Submit();

        Assert.NotNull(saved);
        Assert.Equal(ConfidentialityMode.Attributed, saved.Confidentiality);
        Assert.Equal(["en", "zh"], saved.Languages.ToArray());
        Assert.Equal(["Confidentiality: Chatham House → Attributed"], SettingsForm.Describe(settings, saved));
    }

    [Fact]
    public void SavingTheSettingsKeepsTheDialoguesAuthenticity()
    {
        DialogueSettings? saved = null;
        var settings = new DialogueSettings("IDAIS Beijing", Languages: ["en", "zh-Hans"], Authenticity: Domain.Languages.Authenticity.EquallyAuthentic);
        var cut = Render<SettingsForm>(p => p
            .Add(x => x.Settings, settings)
            .Add(x => x.OnSave, (DialogueSettings s) => saved = s));

        cut.Find("[data-testid='settings-confidentiality']").Change(ConfidentialityMode.Attributed.ToString());
        cut.Find("[data-testid='settings-form']").Submit();

        Assert.Equal(Domain.Languages.Authenticity.EquallyAuthentic, saved?.Authenticity);
    }

    [Fact]
    public void TheSettingsFormChangesWhichLanguagesAreAuthenticAndSaysWhatThatDoes()
    {
        DialogueSettings? saved = null;
        var settings = new DialogueSettings("IDAIS Beijing", Languages: ["en", "zh-Hans"]);
        var cut = Render<SettingsForm>(p => p
            .Add(x => x.Settings, settings)
            .Add(x => x.OnSave, (DialogueSettings s) => saved = s));

        Assert.Contains("the signed hash covers each language's text", cut.Find("[data-testid='settings-authenticity-help']").TextContent);
        Assert.Equal("settings-authenticity-help", cut.Find("[data-testid='settings-authenticity']").GetAttribute("aria-describedby"));
        cut.Find("[data-testid='settings-authenticity']").Change(nameof(Domain.Languages.Authenticity.EquallyAuthentic));
        cut.Find("[data-testid='settings-form']").Submit();

        Assert.Equal(Domain.Languages.Authenticity.EquallyAuthentic, saved?.Authenticity);
        Assert.Equal(["Authentic texts: The source language alone; translations are aids to reading → Every working language, equally"], SettingsForm.Describe(settings, saved!));
    }

    private sealed class DictionaryEquality : IEqualityComparer<ImmutableDictionary<string, string>>
    {
        public bool Equals(ImmutableDictionary<string, string>? x, ImmutableDictionary<string, string>? y) =>
            x is not null && y is not null && x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);

        public int GetHashCode(ImmutableDictionary<string, string> obj) => obj.Count;
    }
}
