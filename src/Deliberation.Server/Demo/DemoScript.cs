using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Demo;

/// <summary>
/// The demo dialogue: a Track 2 dialogue on AI safety with twelve delegates across regions and
/// sectors, and a draft statement whose positions leave clauses agreed, near consensus, contested
/// and blocked. The clause texts are our own, on the themes of the public IDAIS statements. It works
/// in English and Chinese, both authentic, as the IDAIS statements were published: every clause is
/// translated, and a small glossary pins the terms the two texts must render alike.
/// </summary>
public static class DemoScript
{
    public const string Region = "Region";
    public const string Sector = "Sector";
    public const string Chinese = "zh-Hans";

    public static DialogueSettings Settings { get; } = new(
        "International Dialogue on AI Safety — demo",
        Track.Track2, "Venice", new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 7), ["en", Chinese],
        ConfidentialityMode.ChathamHouse, MinimumGroupSize: 3,
        Description: "Scientists and policy experts draft a joint statement on red lines, safety funding and governance. Chatham House Rule.",
        Authenticity: Authenticity.EquallyAuthentic);

    public static ImmutableArray<Dimension> Dimensions { get; } =
    [
        new(Region, ["China", "United States", "Europe", "Global South"]),
        new(Sector, ["Academia", "Industry", "Government", "Civil society"]),
    ];

    public sealed record Person(string Name, string Affiliation, Role Role, string? Region = null, string? Sector = null);

    public static Person Convener { get; } = new("Amira Haddad", "Convening Secretariat", Role.Convener);

    public static ImmutableArray<Person> Staff { get; } =
    [
        new("Lucía Ortega", "Chair", Role.Facilitator),
        new("Tomasz Nowak", "Rapporteur", Role.Rapporteur),
        new("Ingrid Solberg", "Observer, press office", Role.Observer),
    ];

    /// <summary>Twelve delegates; the order fixes the columns of the position strings below.</summary>
    public static ImmutableArray<Person> Delegates { get; } =
    [
        new("Li Wei", "Tsinghua University", Role.Delegate, "China", "Academia"),
        new("Zhang Min", "Shanghai AI lab", Role.Delegate, "China", "Industry"),
        new("Chen Jing", "Beijing policy institute", Role.Delegate, "China", "Civil society"),
        new("Sarah Mitchell", "Stanford University", Role.Delegate, "United States", "Academia"),
        new("David Kim", "Frontier model developer", Role.Delegate, "United States", "Industry"),
        new("Rachel Green", "Former science adviser", Role.Delegate, "United States", "Government"),
        new("Hans Becker", "ETH Zürich", Role.Delegate, "Europe", "Academia"),
        new("Claire Dubois", "European digital rights group", Role.Delegate, "Europe", "Civil society"),
        new("Marco Rossi", "Former standards official", Role.Delegate, "Europe", "Government"),
        new("Aisha Okafor", "University of Lagos", Role.Delegate, "Global South", "Academia"),
        new("Ravi Menon", "Bengaluru policy forum", Role.Delegate, "Global South", "Civil society"),
        new("Ana Souza", "São Paulo AI startup", Role.Delegate, "Global South", "Industry"),
    ];

    /// <summary>
    /// A clause and each delegate's position in order: S support, A accept, X stand aside,
    /// O oppose, B block, - silent.
    /// </summary>
    /// <param name="Chinese">The clause in Chinese (zh-Hans), translated from the English as the rapporteur would.</param>
    public sealed record DemoClause(ClauseKind Kind, string Text, string Positions, string Chinese, NumericParameter? Parameter = null);

    public static ImmutableArray<DemoClause> Clauses { get; } =
    [
        new(ClauseKind.Preamble,
            "We, scientists and experts from many countries, meet in a personal capacity because the risks of advanced AI cross every border, and so must the work to avert them.",
            "SSSSASSSSSSS", "我们，来自多个国家的科学家和专家，以个人身份相聚于此，因为先进人工智能的风险跨越国界，防范这些风险的努力也必须跨越国界。"),
        new(ClauseKind.RedLine,
            "No AI system should be able to copy or improve itself without explicit human approval and oversight.",
            "SSSSSSSASSSS", "任何人工智能系统都不应在未经人类明确批准和监督的情况下复制或改进自身。"),
        new(ClauseKind.RedLine,
            "No AI system should take actions to increase its own power or influence beyond what its task requires.",
            "SSSASSXSSSSS", "任何人工智能系统都不应采取行动，使自身的权力或影响力超出其任务所需。"),
        new(ClauseKind.RedLine,
            "No AI system should substantially help anyone design weapons of mass destruction, including biological and chemical weapons.",
            "SSSSSSSSSSSS", "任何人工智能系统都不应实质性地协助任何人设计大规模杀伤性武器，包括生物武器和化学武器。"),
        new(ClauseKind.RedLine,
            "No AI system should be able to carry out autonomous cyberattacks that could cause serious harm to critical systems.",
            "SSSSOOSSSSSS", "任何人工智能系统都不应能够自主发动可能对关键系统造成严重损害的网络攻击。"),
        new(ClauseKind.RedLine,
            "No AI system should be able to consistently deceive its developers about its capabilities or its intent to cross any of these red lines.",
            "SSASSSSSSSAS", "任何人工智能系统都不应能够就其能力或跨越上述任何一条红线的意图持续欺骗其开发者。"),
        new(ClauseKind.FundingFloor,
            "Leading developers and public funders should commit [at least one third | at least 20% | at least 10%] of their AI research and development budgets to safety.",
            "OOOSOOSSSSXS", "领先的开发者和公共资助方应将其人工智能研发预算的[至少三分之一 | 至少20% | 至少10%]投入安全研究。", NumericParameter.ShareOfResearch),
        new(ClauseKind.GovernanceProposal,
            "Models above an agreed capability threshold should be registered with national authorities before training and before deployment.",
            "SSSSASSSSSAS", "能力超过商定阈值的模型，应在训练前和部署前向国家主管机构登记。"),
        new(ClauseKind.GovernanceProposal,
            "Each country should establish an authority able to respond to AI safety incidents, including by ordering a halt to the training or deployment of a model.",
            "SSSSBSSSSSSS", "各国应设立能够应对人工智能安全事件的主管机构，包括有权责令暂停模型的训练或部署。"),
    ];

    /// <summary>
    /// The clause that goes in as a broader first draft, is argued over, and is narrowed by a
    /// substantive revision after which the delegates give their positions again: so the history
    /// has a substantive revision to review (issue 12), with the matrix before and after it. The
    /// final text and positions are the clause's in <see cref="Clauses"/>.
    /// </summary>
    public const int RevisedClause = 4;

    public const string RevisedClauseFirstDraft = "No AI system should be able to carry out cyberattacks.";

    public const string RevisedClauseFirstDraftInChinese = "任何人工智能系统都不应能够发动网络攻击。";

    /// <summary>On the first draft three delegates oppose: too broad for defensive security research.</summary>
    public const string RevisedClauseFirstPositions = "SSSSOOOSSSOS";

    public const string RevisedClauseRationale = "Narrowed to autonomous attacks that could seriously harm critical systems, so defensive security research is not caught.";

    /// <summary>The funding floor's bracket options in Chinese, by option id.</summary>
    public static ImmutableDictionary<string, string> FundingOptionsInChinese { get; } = ImmutableDictionary<string, string>.Empty
        .Add("1.1", "至少三分之一").Add("1.2", "至少20%").Add("1.3", "至少10%");

    /// <summary>
    /// The glossary: 安全 is both "safety" and "security"; this dialogue means safety. 前沿 is in no
    /// clause yet, pinned ahead of the drafting of a clause on frontier models.
    /// </summary>
    public static ImmutableArray<GlossaryTerm> Glossary { get; } =
    [
        Term("安全", "safety", "安全 covers both safety and security; in this statement it means the safety of AI systems."),
        Term("红线", "red line", "A line no AI system should cross, whoever builds it."),
        Term("前沿", "frontier", "前沿模型: frontier model, the most capable models of their time."),
        Term("人工智能系统", "AI system", null),
    ];

    private static GlossaryTerm Term(string chinese, string english, string? note) =>
        new(Guid.NewGuid(), ImmutableDictionary<string, string>.Empty.Add("en", english).Add(Chinese, chinese), note);

    /// <summary>Funding-floor ranges each delegate can accept, in percent.</summary>
    public static ImmutableArray<(double Low, double High)> FundingRanges { get; } =
    [
        (10, 25), (10, 25), (15, 33.5), (20, 40), (10, 22), (20, 50),
        (20, 50), (33, 60), (20, 35), (10, 30), (15, 33.5), (10, 25),
    ];

    public static PositionKind? PositionOf(char code) => code switch
    {
        'S' => PositionKind.Support,
        'A' => PositionKind.Accept,
        'X' => PositionKind.StandAside,
        'O' => PositionKind.Oppose,
        'B' => PositionKind.Block,
        _ => null,
    };
}
