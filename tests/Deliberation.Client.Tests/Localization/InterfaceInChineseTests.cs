using System.Globalization;
using Deliberation.Client.Components;
using Deliberation.Client.Layout;
using Deliberation.Client.Localization;
using Deliberation.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Deliberation.Client.Tests.Localization;

/// <summary>A reader whose interface is Chinese reads Chinese: our texts, the domain's words and MudBlazor's own.</summary>
public sealed class InterfaceInChineseTests : ChineseComponentTest
{
    [Fact]
    public void The_app_bar_reads_in_Chinese()
    {
        var bar = Render<ShellLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        Assert.Contains("新建对话", bar.Markup);
        Assert.Contains("账户", bar.Markup);
        Assert.DoesNotContain("New dialogue", bar.Markup);
        Assert.Equal("Deliberation：你的对话", bar.Find("a.brand").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_domain_words_read_in_Chinese()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, ClauseStatus.NearConsensus));

        Assert.Contains("接近共识", chip.Markup);
        Assert.Equal("终读", Presentation.Label(Phase.FinalReading));
        Assert.Equal("红线", Presentation.Label(ClauseKind.RedLine));
        Assert.Equal("支持", Presentation.Label(PositionKind.Support));
        Assert.Equal("代表", Presentation.Label(Role.Delegate));
    }

    [Fact]
    public void Times_read_the_Chinese_way()
    {
        var at = new DateTimeOffset(2026, 9, 5, 14, 2, 0, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 9, 5, 14, 2, 0)));

        Assert.Equal("9月5日 14:02", Presentation.Time(at));
    }

    [Fact]
    public void A_refusal_reads_in_Chinese_by_its_rule_code_and_in_the_servers_English_where_no_translation_exists()
    {
        Assert.Equal("有作准文本的译文落后于原文；冻结前请翻译当前文本。",
            new RuleError("freeze.stale-translation", "The Chinese text is stale: translate revision 3 first.").Localized());
        Assert.Equal("A rule no translator has seen yet.", RuleMessages.Of("brand.new-rule", "A rule no translator has seen yet."));
    }

    [Fact]
    public void A_page_that_cannot_load_says_why_in_Chinese()
    {
        var problem = Render<ProblemState>(p => p.Add(s => s.Problem, new Api.ApiProblem(System.Net.HttpStatusCode.NotFound, "dialogue.not-found", "There is no such dialogue.")));

        Assert.Contains("未找到", problem.Markup);
        Assert.Contains("没有这个对话。", problem.Markup);
    }

    [Fact]
    public void MudBlazors_own_texts_come_from_our_resources()
    {
        var mud = Services.GetRequiredService<MudLocalizer>();

        Assert.Equal("关闭对话框", mud["MudDialog_Close"].Value);
    }
}
