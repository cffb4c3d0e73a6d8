using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Client.Pages.Account;
using Deliberation.Client.Pages.Dialogues;
using Deliberation.Client.Pages.Imports;
using Deliberation.Contracts.Http;
using Deliberation.Contracts.Http.Accounts;
using Deliberation.Contracts.Json;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// The pages beyond the room read Chinese to a reader whose interface is Chinese (issue 13): the review
/// and its parts, the organiser's sign-in, the dialogue list and the Pol.is import — a moment's summary
/// read from its phrase in Chinese, what is still English (an older server's summary, the clause text
/// of another language) keeping its own lang, and dates and numbers written the Chinese way.
/// </summary>
public sealed class PagesInChineseTests : ChineseComponentTest
{
    private static readonly Guid ClauseA = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 9, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<ReviewMoment> Moments =
    [
        new(3, Start.AddMinutes(3), ReviewKinds.Phase, null, "Phase: Setup → Deliberation", null, null,
            MomentPhrase.Of(MomentPhraseKeys.Phase, null, "Setup", "Deliberation")),
        new(7, Start.AddMinutes(7), ReviewKinds.ClauseAdded, ClauseA, "Clause 1 added", "Labs must report.", "Rhea Rapporteur",
            MomentPhrase.Of(MomentPhraseKeys.ClauseAdded, 1)),
        new(12, Start.AddMinutes(12), ReviewKinds.RevisionSubstantive, ClauseA, "Clause 1 revised (substantive), revision 2", "must, not may", null,
            MomentPhrase.Of(MomentPhraseKeys.RevisedSubstantive, 1, "2")),
        new(15, Start.AddMinutes(15), ReviewKinds.Status, ClauseA, "Clause 1: Region/China: Pending → Agreed", "Region/China: Pending → Agreed", null,
            new MomentPhrase(MomentPhraseKeys.StatusOneChange, 1, [], [new GroupStatusChange("Region/China", ClauseStatus.Pending, ClauseStatus.Agreed)], null),
            new MomentPhrase(MomentPhraseKeys.Changes, 1, [], [new GroupStatusChange("Region/China", ClauseStatus.Pending, ClauseStatus.Agreed)], null)),
        // From a server older than the phrases: its English sentence is all there is.
        new(20, Start.AddMinutes(20), ReviewKinds.Freeze, null, "Statement frozen", null, null),
    ];

    private static readonly IReadOnlyList<ReviewClause> Clauses =
        [new(ClauseA, ClauseKind.RedLine, null, "Labs must report.", [], 2, RevisionKind.Substantive, false, ClauseStatus.Contested)];

    [Fact]
    public void The_reviews_timeline_and_scrubber_read_in_Chinese_with_the_moments_own_words_in_Chinese()
    {
        var timeline = Render<MomentTimeline>(p => p
            .Add(x => x.Moments, Moments).Add(x => x.Clauses, Clauses).Add(x => x.Filter, Review.MomentFilter.All).Add(x => x.Selected, 12L));
        var scrubber = Render<MomentScrubber>(p => p.Add(x => x.Moments, Moments).Add(x => x.Selected, 12L));

        Assert.Equal("关键时刻", timeline.Find("#timeline-heading").TextContent.Trim());
        Assert.Contains("实质性修订 · 第 1 条", timeline.Find("[data-testid='moment-12']").TextContent);
        Assert.Contains("显示 5 个时刻，共 5 个", timeline.Find("[data-testid='moment-count']").TextContent);
        Assert.Contains("操作人：Rhea Rapporteur", timeline.Find("[data-testid='moment-7']").TextContent);
        Assert.DoesNotContain("Key moments", timeline.Markup);

        // The summaries are the page's language now, so they carry no lang of their own.
        var revised = timeline.Find("[data-testid='moment-12'] .moment-summary");
        Assert.Equal("第 1 条已修订（实质性），第 2 版", revised.TextContent);
        Assert.Null(revised.GetAttribute("lang"));
        Assert.Equal("阶段：筹备 → 审议", timeline.Find("[data-testid='moment-3'] .moment-summary").TextContent);
        Assert.Equal("第 1 条已添加", timeline.Find("[data-testid='moment-7'] .moment-summary").TextContent);
        // A status change's detail too; the group's name is the dialogue's own.
        Assert.Equal("第 1 条：Region/China：待定 → 已达成一致", timeline.Find("[data-testid='moment-15'] .moment-summary").TextContent);
        var statusDetail = timeline.Find("[data-testid='moment-15'] .moment-detail");
        Assert.Equal("Region/China：待定 → 已达成一致", statusDetail.TextContent);
        Assert.Null(statusDetail.GetAttribute("lang"));
        // A rationale is the dialogue's words, and an older server's summary its English sentence: both say so.
        Assert.Equal("en", timeline.Find("[data-testid='moment-12'] .moment-detail").GetAttribute("lang"));
        Assert.Equal("en", timeline.Find("[data-testid='moment-20'] .moment-summary").GetAttribute("lang"));
        Assert.DoesNotContain("revised (substantive)", timeline.Markup);

        Assert.Contains("第 3 个时刻，共 5 个：9月5日", scrubber.Find("[data-testid='scrubber-position']").TextContent);
        Assert.Equal("下一个时刻", scrubber.Find("[data-testid='moment-next']").GetAttribute("aria-label"));
        // The moment's phrase names its clause; the announced line does not name it a second time.
        Assert.EndsWith("实质性修订 · 第 1 条已修订（实质性），第 2 版", scrubber.Find("[data-testid='moment-slider']").GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void The_statement_at_a_moment_reads_in_Chinese_with_its_English_clause_marked_English()
    {
        var snapshot = new ReviewSnapshot(12, Start.AddMinutes(12), Phase.Drafting, "Statement", [.. Clauses],
            Figures.Statement(Figures.Clause(ClauseA, ClauseStatus.Contested, Figures.Dimension("Region", Figures.Group("North", 3, support: 1, needed: 1)))));

        var cut = Render<StatementAtMoment>(p => p.Add(x => x.Snapshot, snapshot).Add(x => x.TextLanguage, "en"));

        Assert.Contains("时的声明", cut.Find("#at-moment-heading").TextContent);
        Assert.Equal("阶段：起草 · 第 12 个事件之后", cut.Find("[data-testid='snapshot-phase']").TextContent.Trim());
        Assert.Contains("红线 · 第 2 版", cut.Find($"[data-testid='snapshot-clause-{ClauseA}']").TextContent);
        Assert.Equal("en", cut.Find($"[data-testid='snapshot-clause-{ClauseA}'] .clause-text").GetAttribute("lang"));
        Assert.Contains("当时的矩阵", cut.Markup);
    }

    [Fact]
    public void A_comparison_and_a_clauses_story_read_in_Chinese_chart_text_alternatives_included()
    {
        var comparison = new ReviewComparison(7, 12,
            [new ClauseComparison(ClauseA, 1, 2, ClauseStatus.Contested, ClauseStatus.Agreed, true,
                [new TextSegment(TextSegmentKinds.Same, "Labs "), new TextSegment(TextSegmentKinds.Removed, "may"), new TextSegment(TextSegmentKinds.Added, "must")])],
            [new MatrixCellChange(ClauseA, "Region", "North", Figures.Group("North", 3, support: 1, needed: 1), Figures.Group("North", 3, support: 3, meets: true))]);
        var story = new ClauseStory(ClauseA, ClauseKind.RedLine, null,
            [new StoryPoint(7, Start.AddMinutes(7), null, null, ClauseStatus.Contested, 0.3, 1), new StoryPoint(12, Start.AddMinutes(12), null, null, ClauseStatus.Agreed, 1, 0)],
            [new StoryRevision(1, 7, Start.AddMinutes(7), RevisionKind.Substantive, RevisionSource.Draft, null, "Labs may report.", [])],
            [], [], [], []);

        var view = Render<MomentComparisonView>(p => p.Add(x => x.Comparison, comparison).Add(x => x.ClauseNumber, _ => 1).Add(x => x.TextLanguage, "en")
            .Add(x => x.FromLabel, "A").Add(x => x.ToLabel, "B"));
        var panel = Render<ClauseStoryPanel>(p => p.Add(x => x.Story, story).Add(x => x.Number, 1).Add(x => x.TextLanguage, "en"));

        Assert.Equal("从 A 到 B", view.Find("#comparison-heading").TextContent.Trim());
        Assert.Equal("删除", view.Find("del").GetAttribute("title"));
        Assert.Equal("en", view.Find("[data-testid='comparison-diff']").GetAttribute("lang"));
        Assert.Contains("3/3 支持或接受，符合规则", view.Find("[data-testid='comparison-cells']").TextContent);
        Assert.Equal("有变化的矩阵单元格（在下方矩阵中标出）", view.Find("caption").TextContent);

        Assert.Contains("状态随时间的变化", panel.Markup);
        Assert.Contains("第 1 版 · 实质性 · 初稿", panel.Find("[data-testid='story-revision-1']").TextContent);
        Assert.StartsWith("该条款及 0 个群体在 2 个时刻中的状态。整个条款最终状态：", panel.Find("svg").GetAttribute("aria-label"));
        Assert.Equal("各群体的状态随时间的变化", panel.Find("[data-testid='status-table'] caption").TextContent);
        Assert.DoesNotContain("Status over time", panel.Markup);
    }

    [Fact]
    public void The_organisers_sign_in_reads_in_Chinese()
    {
        UseServer(("/api/account", new AccountStatus(false, null, null, SetupNeeded: true)));

        var cut = Render<SignInPage>();
        cut.WaitForElement("[data-testid='setup-needed']");

        Assert.Equal("以组织者身份登录", cut.Find("h1").TextContent.Trim());
        Assert.Equal("电子邮件地址", cut.Find("label[for='email']").TextContent);
        Assert.Contains("尚无组织者账户。", cut.Find("[data-testid='setup-needed']").TextContent);
        Assert.Contains("使用通行密钥登录", cut.Find("[data-testid='sign-in-passkey']").TextContent);
        Assert.DoesNotContain("Sign in", cut.Markup);
    }

    [Fact]
    public void The_dialogue_list_reads_in_Chinese_with_its_dates_written_the_Chinese_way()
    {
        var id = Guid.NewGuid();
        UseServer(("/api/dialogues", new List<DialogueSummaryView>
        {
            new(id, "AI Safety as a Global Public Good", "Track2", "Drafting", "ChathamHouse", "Beijing",
                new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 7), 1_234, Start, Start),
        }));

        var cut = Render<DialogueListPage>();
        cut.WaitForElement("[data-testid='dialogue-list']");

        Assert.Equal("你的对话", cut.Find("h1").TextContent.Trim());
        Assert.Contains("从 Pol.is 导入", cut.Find("[data-testid='import-polis']").TextContent);
        var row = cut.Find($"[data-testid='dialogue-{id}']");
        Assert.Contains("Beijing · 2026年9月5日至9月7日", row.TextContent);
        Assert.Contains("1,234", row.TextContent);
        Assert.Contains("查塔姆宫规则", row.TextContent);
        Assert.Equal("回顾“AI Safety as a Global Public Good”中共识如何形成", cut.Find($"[data-testid='review-{id}']").GetAttribute("aria-label"));
        Assert.Equal(["标题", "阶段", "保密方式", "参与者", "地点和时间"], cut.FindAll("th").Select(h => h.TextContent));
    }

    [Fact]
    public void The_polis_import_and_its_progress_read_in_Chinese()
    {
        UseServer(("/api/account", new AccountStatus(true, "ada@example.test", "Ada", false)));

        var page = Render<PolisImportPage>();
        page.WaitForElement("[data-testid='import-form']");
        var progress = Render<ImportProgress>(p => p.Add(x => x.Job, new ImportJobView(Guid.NewGuid(), "writing", 2_118, 51_564, 20_626, 3.2, null, null)));

        Assert.Equal("导入 Pol.is 讨论", page.Find("h1").TextContent.Trim());
        Assert.Equal("comments.csv（必需）", page.Find("label[for='import-comments']").TextContent);
        Assert.Equal("导入的 Pol.is 讨论", page.Find("[data-testid='import-title']").GetAttribute("placeholder"));
        Assert.DoesNotContain("(required)", page.Markup);

        Assert.Equal("正在导入…", progress.Find("h2").TextContent.Trim());
        Assert.Equal("20,626 / 约 51,564", progress.Find("[data-testid='import-events']").TextContent);
        Assert.Equal("约 4 秒", progress.Find("[data-testid='import-time-left']").TextContent);
        Assert.Equal("导入进度", progress.Find("[role=progressbar]").GetAttribute("aria-label"));
    }

    /// <summary>Answers each path with its JSON as the server would serialize it; anything else is a 404.</summary>
    private void UseServer(params (string Path, object Body)[] answers) =>
        Services.AddSingleton(new DeliberationApi(new HttpClient(new CannedAnswers(answers)) { BaseAddress = new Uri("http://localhost/") }));

    private sealed class CannedAnswers((string Path, object Body)[] answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var found = answers.FirstOrDefault(a => a.Path == path);
            return Task.FromResult(found.Body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"rule":"not-found","title":"No such thing.","status":404}""", Encoding.UTF8, "application/problem+json") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(found.Body, found.Body.GetType(), WireJson.Options), Encoding.UTF8, "application/json") });
        }
    }
}
