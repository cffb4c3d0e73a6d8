using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;

namespace Deliberation.Client.Tests.Localization;

/// <summary>The setup forms and the console read in Chinese for a Chinese interface: labels, helper texts, confirmation lines and the form's own problems.</summary>
public sealed class SetupInChineseTests : ChineseComponentTest
{
    [Fact]
    public void The_settings_form_reads_in_Chinese_and_says_what_authenticity_does()
    {
        DialogueSettings? saved = null;
        var settings = new DialogueSettings("北京对话", Languages: ["en", "zh-Hans"], StartsOn: new DateOnly(2026, 9, 5));
        var form = Render<SettingsForm>(p => p
            .Add(x => x.Settings, settings)
            .Add(x => x.OnSave, (DialogueSettings s) => saved = s));

        Assert.Contains("工作语言", form.Markup);
        Assert.Contains("最小群组规模 k", form.Markup);
        Assert.Contains("保存设置…", form.Find("[data-testid='settings-save']").TextContent);
        Assert.Contains("签署的哈希涵盖每种语言的文本", form.Find("[data-testid='settings-authenticity-help']").TextContent);
        Assert.DoesNotContain("Save settings", form.Markup);

        form.Find("[data-testid='settings-authenticity']").Change(nameof(Authenticity.EquallyAuthentic));
        form.Find("[data-testid='settings-starts']").Change("2026-09-06");
        form.Find("[data-testid='settings-form']").Submit();

        Assert.NotNull(saved);
        Assert.Equal(
            ["开始日期：2026年9月5日 → 2026年9月6日", "作准文本：仅源语言作准；译文仅供阅读参考 → 所有工作语言同等作准"],
            SettingsForm.Describe(settings, saved));
    }

    [Fact]
    public void The_forms_own_problems_read_in_Chinese()
    {
        var form = Render<SettingsForm>(p => p.Add(x => x.Settings, new DialogueSettings("北京对话")));

        form.Find("[data-testid='settings-title']").Input("");

        Assert.Equal("对话需要一个标题。", form.Find("[data-testid='settings-error']").TextContent);
    }

    [Fact]
    public void The_rule_and_member_confirmations_read_in_Chinese()
    {
        var before = ConsensusRule.Default;
        Assert.Contains("“否决”不再是一票否决", RuleForm.Describe(before, before with { BlockIsVeto = false }));

        var member = new MemberView(Guid.NewGuid(), "李伟", null, Role.Delegate, ImmutableDictionary<string, string>.Empty);
        var changed = new Member(member.ParticipantId, "李伟", "清华大学", Role.Rapporteur, ImmutableDictionary<string, string>.Empty);
        Assert.Equal(["所属机构：无 → 清华大学", "角色：代表 → 报告起草人"], MemberEditor.Describe(member, changed));
    }
}
