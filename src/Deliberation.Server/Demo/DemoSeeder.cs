using System.Collections.Immutable;
using System.Text;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Persistence;
using Deliberation.Server.Accounts;
using Deliberation.Server.Services;

namespace Deliberation.Server.Demo;

/// <summary>
/// On an empty database (and unless <c>Demo:Seed=false</c>) creates the demo dialogue through the
/// same commands people use, prints every invite link and writes them to data/demo-invites.txt.
/// Invite codes are stored hashed, so the links exist only in that file and this log. While no
/// organiser account exists it also prints the one-time setup code beside them and writes it to
/// data/setup-code.txt (not to the invites file, whose lines are one per invitee: docs/api.md).
/// </summary>
public sealed class DemoSeeder(
    IConfiguration configuration,
    IDialogueDirectory directory,
    DialogueService dialogues,
    InviteService invites,
    SetupCodeNotice setupCode,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public static string InvitesFile => Path.Combine(Directory.GetCurrentDirectory(), "data", "demo-invites.txt");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Seed", true))
            return;
        if (await directory.AnyDialogueAsync(cancellationToken))
        {
            if (File.Exists(InvitesFile))
                logger.LogInformation("Demo invite links are in {File}", InvitesFile);
            return;
        }
        var lines = await SeedAsync(BaseUrl());
        Directory.CreateDirectory(Path.GetDirectoryName(InvitesFile)!);
        await File.WriteAllLinesAsync(InvitesFile, lines, cancellationToken);
        var printed = new StringBuilder().AppendLine().AppendLine("Demo dialogue seeded. Invite links (also in data/demo-invites.txt):");
        foreach (var line in lines)
            printed.AppendLine("  " + line.Replace('\t', ' '));
        if (setupCode.Code is { } code)
        {
            await File.WriteAllTextAsync(SetupCodeNotice.File, $"{code}\t{SetupCodeNotice.Link(BaseUrl())}\n", cancellationToken);
            printed.AppendLine().AppendLine("Organiser setup code (creates the first account once; also in data/setup-code.txt):")
                .AppendLine($"  {code} {SetupCodeNotice.Link(BaseUrl())}");
        }
        Console.WriteLine(printed.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Seeds the dialogue and returns the invite lines (role, name, groups, link; tab-separated).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(string baseUrl)
    {
        var convenerId = Guid.NewGuid();
        var (dialogueId, created) = await dialogues.CreateDialogueAsync(convenerId,
            new CreateDialogue(Guid.NewGuid(), DemoScript.Settings, DemoScript.Dimensions, null, DemoScript.Convener.Name, DemoScript.Convener.Affiliation));
        Require(created);

        var lines = new List<string>();
        var (convenerInvite, reissued) = await invites.ReissueAsync(dialogueId, convenerId, convenerId);
        Require(reissued);
        lines.Add(Line(DemoScript.Convener, convenerInvite!.Code, baseUrl));

        var ids = new Dictionary<DemoScript.Person, Guid>();
        foreach (var person in DemoScript.Staff.Concat(DemoScript.Delegates))
        {
            var groups = ImmutableDictionary<string, string>.Empty;
            if (person.Region is { } region)
                groups = groups.Add(DemoScript.Region, region);
            if (person.Sector is { } sector)
                groups = groups.Add(DemoScript.Sector, sector);
            var (invite, added) = await invites.AddMemberWithInviteAsync(dialogueId, new Member(Guid.Empty, person.Name, person.Affiliation, person.Role, groups), convenerId);
            Require(added);
            ids[person] = invite!.ParticipantId;
            lines.Add(Line(person, invite.Code, baseUrl));
        }
        var facilitator = ids[DemoScript.Staff[0]];
        var rapporteur = ids[DemoScript.Staff[1]];

        var (statementId, statementAdded) = await dialogues.AddStatementAsync(dialogueId, "Joint statement on AI safety", convenerId);
        Require(statementAdded);
        var clauseIds = DemoScript.Clauses.Select(_ => Guid.NewGuid()).ToArray();
        // Clause 2 goes in with a typo that the rapporteur then fixes: an editorial revision, so the
        // history has something to show and positions carry over.
        // Clause 5 goes in as a broader first draft and is narrowed after the first positions
        // (DemoScript.RevisedClause): a substantive revision, so the review has a before and after.
        var drafts = DemoScript.Clauses.Select((c, i) => i switch
        {
            1 => c.Text.Replace("oversight", "oversigt"),
            DemoScript.RevisedClause => DemoScript.RevisedClauseFirstDraft,
            _ => c.Text,
        }).ToArray();
        Require(await dialogues.ExecuteAsync(dialogueId, statementId,
            [.. DemoScript.Clauses.Select((c, i) => (StatementCommand)new ProposeClause(clauseIds[i], c.Kind, drafts[i], null, c.Parameter))], rapporteur));
        Require(await dialogues.ExecuteAsync(dialogueId, statementId,
            new ReviseClause(clauseIds[1], 1, DemoScript.Clauses[1].Text, RevisionKind.Editorial, "Typo"), rapporteur));
        // The Chinese text of every clause, of the revision each now stands at, and of the funding floor's options.
        Require(await dialogues.ExecuteAsync(dialogueId, statementId,
            [
                .. DemoScript.Clauses.Select((c, i) => (StatementCommand)new TranslateClause(clauseIds[i], DemoScript.Chinese, i == 1 ? 2 : 1,
                    i == DemoScript.RevisedClause ? DemoScript.RevisedClauseFirstDraftInChinese : c.Chinese)),
                .. DemoScript.FundingOptionsInChinese.OrderBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => (StatementCommand)new TranslateOption(clauseIds[6], o.Key, DemoScript.Chinese, 1, o.Value)),
            ], rapporteur));
        foreach (var term in DemoScript.Glossary)
            Require(await dialogues.ExecuteAsync(dialogueId, new PinGlossaryTerm(term), rapporteur));

        Require(await dialogues.ExecuteAsync(dialogueId, new SetPhase(Phase.Deliberation), facilitator));
        for (var d = 0; d < DemoScript.Delegates.Length; d++)
        {
            var commands = new List<StatementCommand>();
            for (var c = 0; c < DemoScript.Clauses.Length; c++)
            {
                var positions = c == DemoScript.RevisedClause ? DemoScript.RevisedClauseFirstPositions : DemoScript.Clauses[c].Positions;
                if (DemoScript.PositionOf(positions[d]) is { } position)
                    commands.Add(new TakePosition(clauseIds[c], c == 1 ? 2 : 1, position));
                if (DemoScript.Clauses[c].Parameter is not null)
                {
                    var (low, high) = DemoScript.FundingRanges[d];
                    commands.Add(new StateRange(clauseIds[c], 1, low, high));
                    // Each delegate supports the bracket options inside her range, opposes the others.
                    var options = new[] { ("1.1", 33.3), ("1.2", 20.0), ("1.3", 10.0) };
                    commands.AddRange(options.Select(o => new TakePosition(clauseIds[c], 1, low <= o.Item2 && o.Item2 <= high ? PositionKind.Support : PositionKind.Oppose, null, o.Item1)));
                }
            }
            Require(await dialogues.ExecuteAsync(dialogueId, statementId, commands, ids[DemoScript.Delegates[d]]));
        }
        Require(await dialogues.ExecuteAsync(dialogueId, new SetPhase(Phase.Drafting), facilitator));
        // Text is edited in Drafting (Phases.AllowsEditing); positions are given there too.
        var revised = clauseIds[DemoScript.RevisedClause];
        Require(await dialogues.ExecuteAsync(dialogueId, statementId,
            new ReviseClause(revised, 1, DemoScript.Clauses[DemoScript.RevisedClause].Text, RevisionKind.Substantive, DemoScript.RevisedClauseRationale), rapporteur));
        // The narrowing made the Chinese text stale; the rapporteur translates the new revision.
        Require(await dialogues.ExecuteAsync(dialogueId, statementId,
            new TranslateClause(revised, DemoScript.Chinese, 2, DemoScript.Clauses[DemoScript.RevisedClause].Chinese), rapporteur));
        for (var d = 0; d < DemoScript.Delegates.Length; d++)
            if (DemoScript.PositionOf(DemoScript.Clauses[DemoScript.RevisedClause].Positions[d]) is { } position)
                Require(await dialogues.ExecuteAsync(dialogueId, statementId, new TakePosition(revised, 2, position), ids[DemoScript.Delegates[d]]));
        Require(await dialogues.ExecuteAsync(dialogueId, new SetFocus(statementId, clauseIds[6]), facilitator));
        logger.LogInformation("Seeded demo dialogue {DialogueId}", dialogueId);
        return lines;
    }

    private static string Line(DemoScript.Person person, string code, string baseUrl)
    {
        var groups = string.Join(';', new[] { (DemoScript.Region, person.Region), (DemoScript.Sector, person.Sector) }
            .Where(g => g.Item2 is not null).Select(g => $"{g.Item1}={g.Item2}"));
        return string.Join('\t', person.Role, person.Name, groups, InviteService.Link(baseUrl, code));
    }

    private string BaseUrl() =>
        configuration["Demo:BaseUrl"]
        ?? configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
        ?? "http://127.0.0.1:5080";

    private static void Require(CommandOutcome outcome)
    {
        if (!outcome.Accepted)
            throw new InvalidOperationException($"Seeding the demo failed: {outcome.Error?.Rule}: {outcome.Error?.Message}");
    }
}

public static class DemoSeedExtensions
{
    public static void AddDemoSeed(this WebApplicationBuilder builder) => builder.Services.AddHostedService<DemoSeeder>();
}
