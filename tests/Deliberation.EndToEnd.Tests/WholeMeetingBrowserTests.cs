using System.Text;
using Deliberation.Domain;
using Deliberation.EndToEnd.Tests.Infrastructure;
using Deliberation.Testing;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Deliberation.EndToEnd.Tests;

/// <summary>
/// A whole meeting, as its people run it, each in a browser of their own (issue 11, "Tests"): the
/// convener creates the dialogue in the wizard, imports the roster from a CSV file and issues every
/// invite at once; the rapporteur drafts and revises the clauses; the facilitator chairs while three
/// delegates take positions, reads the holdout's reservation in her holdouts panel, and freezes after
/// the warning that a clause is not agreed; two delegates sign; the convener downloads the clean PDF,
/// read back with PdfPig as the published statement. Each step is one method; each assertion is what
/// that person would see.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WholeMeetingBrowserTests(BrowserRoom room)
{
    // After a full navigation the WebAssembly app boots again, slowly on a busy machine.
    private const float BootTimeout = 90_000;
    // A change one person makes reaches the others' screens through the server's push.
    private const float PushTimeout = 15_000;

    private const string DialogueTitle = "Dialogue on extreme risks from AI";
    private const string Venue = "Venice";
    private const string StatementTitle = "Joint statement on averting extreme AI risks";

    private static readonly Person Facilitator = new("Fran Okafor", "Lagos Policy Forum", Role.Facilitator, null, null);
    private static readonly Person Rapporteur = new("Rhea Lindqvist", "Uppsala University", Role.Rapporteur, null, null);
    // A Chinese name and affiliation: they must survive the roster, the signature and the PDF.
    private static readonly Person Lin = new("林伟", "清华大学", Role.Delegate, "China", "Academia");
    private static readonly Person Dana = new("Dana Whitfield", "Analytical Engines Ltd", Role.Delegate, "United States", "Industry");
    private static readonly Person Elena = new("Elena Rossi", "Fondazione Aurora", Role.Delegate, "Europe", "Civil society");
    private static readonly Person[] Roster = [Facilitator, Rapporteur, Lin, Dana, Elena];

    private const string Preamble = "We, scientists and experts from China, the United States and Europe, met to discuss how to avert extreme risks from AI.";
    private const string RedLineAsProposed = "No AI system should copy or improve itself without human approval.";
    private const string RedLine = "No AI system should copy or improve itself without explicit human approval and independent oversight.";
    private const string Principle = "Developers should spend at least a third of their AI research budget on safety.";
    // Elena's reservation: the chair may read it, the published statement never prints it.
    private const string ElenaReservation = "Only if the oversight body is named in the text";

    [Fact]
    public async Task AMeetingRunsFromTheWizardToASignedCleanPdf()
    {
        var convener = await OrganiserSignedInAsync();
        var dialogueId = await CreateTheDialogueInTheWizardAsync(convener);
        await ImportTheRosterFromCsvAsync(convener);
        var links = await IssueTheInvitesAsync(convener);
        await AddTheStatementAsync(convener);

        var facilitator = await JoinAsync(links[Facilitator], dialogueId);
        var rapporteur = await JoinAsync(links[Rapporteur], dialogueId);
        await MoveToAsync(facilitator, Phase.Deliberation);
        await MoveToAsync(facilitator, Phase.Drafting);
        await DraftTheClausesAsync(rapporteur);

        var lin = await JoinAsync(links[Lin], dialogueId);
        var dana = await JoinAsync(links[Dana], dialogueId);
        var elena = await JoinAsync(links[Elena], dialogueId);
        await TakePositionsAsync(facilitator, 1, Preamble, (lin, PositionKind.Support, null), (dana, PositionKind.Support, null), (elena, PositionKind.Accept, null));
        await TakePositionsAsync(facilitator, 2, RedLine, (lin, PositionKind.Support, null), (dana, PositionKind.Accept, null), (elena, PositionKind.Oppose, ElenaReservation));
        await TakePositionsAsync(facilitator, 3, Principle, (lin, PositionKind.Accept, null), (dana, PositionKind.Support, null), (elena, PositionKind.Support, null));
        await TheChairSeesClauseTwoIsNotAgreedAsync(facilitator);
        await TheChairReadsTheHoldoutOnClauseTwoAsync(facilitator);

        await MoveToAsync(facilitator, Phase.FinalReading);
        await FreezeAfterTheWarningAsync(facilitator);
        await MoveToAsync(facilitator, Phase.Signing);
        var hash = await SignAsync(lin, Lin, SignatureCapacity.Personal);
        await SignAsync(dana, Dana, SignatureCapacity.Institutional);
        // Elena opposed a clause and does not sign: she is no signatory.
        await Expect(elena.GetByTestId("signatories")).ToContainTextAsync(Dana.Name, new() { Timeout = PushTimeout });

        var pdf = await DownloadTheCleanPdfAsync(convener);
        AssertThePublishedStatement(pdf, hash);
    }

    /// <summary>The organiser's own browser, signed in with her password.</summary>
    private async Task<IPage> OrganiserSignedInAsync()
    {
        (await room.Server.NewOrganiserClientAsync()).Dispose(); // the account exists
        var page = await NewPageAsync();
        await page.GotoAsync(Url("account/sign-in"));
        await page.GetByTestId("sign-in-email").FillAsync(TestOrganiser.Email, new() { Timeout = BootTimeout });
        await page.GetByTestId("sign-in-password").FillAsync(TestOrganiser.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync("**/account", new() { Timeout = BootTimeout });
        return page;
    }

    /// <summary>The five steps of the wizard: details, confidentiality (k = 1, so the room sees each change), groups, rule, convener.</summary>
    private async Task<Guid> CreateTheDialogueInTheWizardAsync(IPage convener)
    {
        await convener.GotoAsync(Url("dialogues/new"));
        await convener.GetByTestId("new-title").FillAsync(DialogueTitle, new() { Timeout = BootTimeout });
        await convener.GetByTestId("new-venue").FillAsync(Venue);
        await FillAndLeaveAsync(convener.GetByTestId("new-starts"), "2026-12-03");
        await FillAndLeaveAsync(convener.GetByTestId("new-ends"), "2026-12-05");
        await convener.GetByTestId("wizard-next").ClickAsync();

        await Expect(convener.GetByTestId("new-mode-ChathamHouse")).ToBeCheckedAsync();
        await FillAndLeaveAsync(convener.GetByTestId("new-k"), "1");
        await convener.GetByTestId("wizard-next").ClickAsync();

        // The suggested dimensions, Region and Sector, are the ones this meeting uses.
        await Expect(convener.GetByTestId("dimension-row")).ToHaveCountAsync(2);
        await convener.GetByTestId("wizard-next").ClickAsync();
        await Expect(convener.GetByTestId("new-threshold")).ToBeVisibleAsync();
        await convener.GetByTestId("wizard-next").ClickAsync();

        await Expect(convener.GetByTestId("new-convener")).ToHaveValueAsync(TestOrganiser.DisplayName);
        await convener.GetByTestId("new-affiliation").FillAsync("Institute for Dialogue");
        await convener.GetByTestId("wizard-next").ClickAsync();

        await convener.WaitForURLAsync("**/dialogues/*/setup", new() { Timeout = BootTimeout });
        await Expect(convener.GetByTestId("setup-summary")).ToContainTextAsync("(k = 1)", new() { Timeout = BootTimeout });
        return Guid.Parse(convener.Url.Split('/')[^2]);
    }

    /// <summary>
    /// The convener downloads the roster template, fills it in and uploads it. Her first file has a
    /// typo in a role: the page lists that row and adds nobody. The corrected file adds all five.
    /// </summary>
    private static async Task ImportTheRosterFromCsvAsync(IPage convener)
    {
        var template = await convener.RunAndWaitForDownloadAsync(() => convener.GetByTestId("roster-template").ClickAsync());
        var header = (await File.ReadAllTextAsync((await template.PathAsync())!)).Trim().Split(',');
        Assert.Equal(["name", "affiliation", "role", "Region", "Sector"], header);
        var file = convener.GetByTestId("roster-file");

        await file.SetInputFilesAsync(RosterFile("roster.csv", header, person => person == Elena ? "delgate" : person.Role.ToString().ToLowerInvariant()));
        var problem = convener.GetByTestId("roster-problem");
        await Expect(problem).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        // The header is row 1: Elena, the fifth person, is row 6.
        await Expect(problem.Locator("td").Nth(0)).ToHaveTextAsync("6");
        await Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("role");
        await Expect(problem).ToContainTextAsync("'delgate' is no role");
        await Expect(convener.GetByTestId("roster-problems")).ToContainTextAsync("nothing was imported");
        await Expect(convener.GetByTestId("roster-count")).ToContainTextAsync("1 member");

        await file.SetInputFilesAsync(RosterFile("roster-corrected.csv", header, person => person.Role.ToString().ToLowerInvariant()));
        await Expect(convener.GetByTestId("roster-import-status")).ToContainTextAsync("5 members added from roster-corrected.csv", new() { Timeout = PushTimeout });
        await Expect(convener.GetByTestId("roster-problems")).ToHaveCountAsync(0);
        var roster = convener.GetByTestId("roster");
        foreach (var person in Roster)
            await Expect(roster).ToContainTextAsync(person.Name);
        // The convener, and everyone imported.
        await Expect(convener.GetByTestId("roster-count")).ToContainTextAsync($"{Roster.Length + 1} members");
    }

    /// <summary>The roster as a spreadsheet saves it ("CSV UTF-8": a byte order mark, CRLF), in the template's columns.</summary>
    private static FilePayload RosterFile(string name, string[] header, Func<Person, string> roleOf)
    {
        string CellOf(Person person, string column) => column switch
        {
            "name" => person.Name,
            "affiliation" => person.Affiliation,
            "role" => roleOf(person),
            "Region" => person.Region ?? "",
            "Sector" => person.Sector ?? "",
            _ => throw new ArgumentException($"The template has a column this test does not know: {column}"),
        };
        var lines = Roster.Select(person => string.Join(',', header.Select(column => CellOf(person, column)))).Prepend(string.Join(',', header));
        return new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")],
        };
    }

    /// <summary>
    /// "Issue invites for everyone": a card with a QR code per person, and the list of links as CSV,
    /// which the convener downloads to send each person hers (the links are shown only this once).
    /// </summary>
    private static async Task<Dictionary<Person, string>> IssueTheInvitesAsync(IPage convener)
    {
        await convener.GetByTestId("issue-everyone").ClickAsync();
        // Everyone but the convener herself, who came in with her account.
        await Expect(convener.GetByTestId("issue-everyone-status")).ToContainTextAsync($"{Roster.Length} invites issued.", new() { Timeout = PushTimeout });
        await Expect(convener.GetByTestId("links-shown-once")).ToBeVisibleAsync();
        var cards = convener.GetByTestId("invite-card");
        await Expect(cards).ToHaveCountAsync(Roster.Length);
        foreach (var person in Roster)
            await Expect(cards.Filter(new() { HasText = person.Name }).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("alt", $"QR code of {person.Name}'s invite link");

        var list = await convener.RunAndWaitForDownloadAsync(() => convener.GetByTestId("invites-csv").ClickAsync());
        var rows = (await File.ReadAllLinesAsync((await list.PathAsync())!, Encoding.UTF8)).Where(line => line.Length > 0).Select(CsvCells).ToList();
        Assert.Equal(["name", "affiliation", "role", "link", "expires"], rows[0]);
        var links = Roster.ToDictionary(person => person, person => rows.Single(row => row[0] == person.Name)[3]);
        Assert.All(Roster, person => Assert.Contains("/invite/", links[person]));
        await Screenshots.TakeAsync(convener, "setup-invite-cards.png");
        return links;
    }

    /// <summary>One line of a CSV file: cells split at commas, a quoted cell unquoted.</summary>
    private static string[] CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                cell.Append(line[++i]);
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static async Task AddTheStatementAsync(IPage convener)
    {
        await convener.GetByTestId("statement-title").FillAsync(StatementTitle);
        await convener.GetByTestId("statement-add").ClickAsync();
        await Expect(convener.Locator(".plain-list")).ToContainTextAsync(StatementTitle);
    }

    /// <summary>A person opens her invite link in a browser of her own and joins the room.</summary>
    private async Task<IPage> JoinAsync(string link, Guid dialogueId)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByTestId("invite-join").ClickAsync(new() { Timeout = BootTimeout });
        await page.WaitForURLAsync($"**/dialogues/{dialogueId}", new() { Timeout = BootTimeout });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = BootTimeout });
        return page;
    }

    /// <summary>The facilitator moves the dialogue on by one phase, from her console.</summary>
    private static async Task MoveToAsync(IPage facilitator, Phase phase)
    {
        var label = phase == Phase.FinalReading ? "Final reading" : phase.ToString();
        await facilitator.GetByTestId("phase-next").ClickAsync();
        await Expect(facilitator.GetByTestId("phase")).ToHaveTextAsync(label, new() { Timeout = PushTimeout });
    }

    /// <summary>The rapporteur proposes the three clauses, then revises the red line.</summary>
    private static async Task DraftTheClausesAsync(IPage rapporteur)
    {
        var clauses = rapporteur.GetByTestId("clause-list").Locator("button.clause-item");
        var drafted = new[] { (ClauseKind.Preamble, Preamble), (ClauseKind.RedLine, RedLineAsProposed), (ClauseKind.Principle, Principle) };
        for (var i = 0; i < drafted.Length; i++)
        {
            var (kind, text) = drafted[i];
            await rapporteur.GetByTestId("propose-kind").SelectOptionAsync(kind.ToString());
            await rapporteur.GetByTestId("propose-text").FillAsync(text);
            await rapporteur.GetByTestId("propose-submit").ClickAsync();
            await Expect(clauses).ToHaveCountAsync(i + 1, new() { Timeout = PushTimeout });
        }

        await clauses.Nth(1).ClickAsync();
        await Expect(rapporteur.GetByTestId("clause-text")).ToContainTextAsync(RedLineAsProposed);
        await rapporteur.GetByTestId("editor-text").FillAsync(RedLine);
        await rapporteur.GetByTestId("editor-commit").ClickAsync();
        await Expect(rapporteur.GetByTestId("clause-text")).ToContainTextAsync("explicit human approval and independent oversight", new() { Timeout = PushTimeout });
        await Expect(rapporteur.GetByTestId("selected-clause")).ToContainTextAsync("revision 2");
    }

    /// <summary>The chair puts a clause on the floor; each delegate sees it come up and takes her position.</summary>
    private static async Task TakePositionsAsync(IPage facilitator, int number, string text, params (IPage Page, PositionKind Kind, string? Note)[] positions)
    {
        await facilitator.GetByRole(AriaRole.Button, new() { Name = $"Put clause {number} on the floor", Exact = true }).ClickAsync();
        foreach (var (delegatePage, kind, note) in positions)
        {
            var clause = delegatePage.GetByTestId("selected-clause");
            await Expect(clause).ToContainTextAsync("On the floor", new() { Timeout = PushTimeout });
            await Expect(clause.GetByTestId("clause-text")).ToContainTextAsync(text);
            if (note is not null)
                await delegatePage.GetByTestId("position-note").FillAsync(note);
            await delegatePage.GetByTestId($"position-{kind}").ClickAsync();
            await Expect(delegatePage.GetByTestId("position-current")).ToContainTextAsync(kind == PositionKind.StandAside ? "Stand aside" : kind.ToString());
            await Expect(delegatePage.GetByTestId($"position-{kind}")).ToHaveAttributeAsync("aria-pressed", "true");
        }
    }

    /// <summary>Clauses 1 and 3 have everyone's support; Elena's opposition leaves clause 2 short of consensus.</summary>
    private static async Task TheChairSeesClauseTwoIsNotAgreedAsync(IPage facilitator)
    {
        var clauses = facilitator.GetByTestId("clause-list").Locator("button.clause-item");
        await Expect(clauses.Nth(0)).ToContainTextAsync("Agreed", new() { Timeout = PushTimeout });
        await Expect(clauses.Nth(2)).ToContainTextAsync("Agreed", new() { Timeout = PushTimeout });
        await Expect(clauses.Nth(1)).Not.ToContainTextAsync("Agreed");
    }

    /// <summary>
    /// The facilitator opens the holdouts of clause 2: in Chatham House she sees who opposes, with
    /// the reservation note, and what the groups short of consensus need.
    /// </summary>
    private static async Task TheChairReadsTheHoldoutOnClauseTwoAsync(IPage facilitator)
    {
        await facilitator.GetByTestId("clause-list").Locator("button.clause-item").Nth(1).ClickAsync();
        await Expect(facilitator.GetByTestId("clause-text")).ToContainTextAsync(RedLine);
        await facilitator.GetByTestId("open-holdouts").ClickAsync();

        var panel = facilitator.GetByTestId("holdouts-panel");
        var holdout = panel.GetByTestId("holdout");
        await Expect(holdout).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        await Expect(holdout).ToContainTextAsync(Elena.Name);
        await Expect(holdout).ToContainTextAsync("Oppose");
        await Expect(holdout).ToContainTextAsync(ElenaReservation);
        await Expect(panel.GetByTestId("group-need").Filter(new() { HasText = "Europe" })).ToHaveCountAsync(1);
        await Expect(panel.GetByTestId("group-need").Filter(new() { HasText = "Civil society" })).ToHaveCountAsync(1);
        await Expect(panel).Not.ToContainTextAsync(Lin.Name);
        await Expect(panel).Not.ToContainTextAsync(Dana.Name);
        await AssertNoWcagViolationsAsync(facilitator, "room with the holdouts panel open");
        await Screenshots.TakeAsync(facilitator, "room-holdouts.png");
    }

    /// <summary>
    /// The facilitator freezes: not every clause is agreed, so she is first shown which one (clause 2)
    /// and asked again. She freezes anyway; everyone then sees the signing panel.
    /// </summary>
    private static async Task FreezeAfterTheWarningAsync(IPage facilitator)
    {
        await facilitator.GetByTestId("freeze").ClickAsync();
        var warning = facilitator.GetByTestId("freeze-warning");
        await Expect(warning).ToContainTextAsync("1 clause is not agreed");
        var listed = warning.GetByTestId("freeze-not-agreed");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("Clause 2");
        await Expect(listed).ToContainTextAsync("No AI system should");
        await Expect(facilitator.GetByTestId("freeze-confirm")).ToHaveCountAsync(0);
        await AssertNoWcagViolationsAsync(facilitator, "room with the freeze warning");
        await Screenshots.TakeAsync(facilitator, "room-freeze-warning.png");

        await warning.GetByTestId("freeze-anyway").ClickAsync();
        await Expect(facilitator.GetByTestId("signing-panel")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        await Expect(facilitator.GetByTestId("freeze-warning")).ToHaveCountAsync(0);
    }

    /// <summary>A delegate signs the frozen text under the name and affiliation of the roster; returns the hash she signed.</summary>
    private static async Task<string> SignAsync(IPage delegatePage, Person person, SignatureCapacity capacity)
    {
        await Expect(delegatePage.GetByTestId("sign-form")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        await Expect(delegatePage.GetByTestId("sign-name")).ToHaveValueAsync(person.Name);
        await Expect(delegatePage.GetByTestId("sign-affiliation")).ToHaveValueAsync(person.Affiliation);
        await delegatePage.GetByTestId($"sign-capacity-{capacity}").CheckAsync();
        await delegatePage.GetByTestId("sign-submit").ClickAsync();
        await Expect(delegatePage.GetByTestId("my-signature")).ToContainTextAsync($"You signed as {person.Name}", new() { Timeout = PushTimeout });
        return (await delegatePage.GetByTestId("frozen-hash").TextContentAsync())!.Trim();
    }

    /// <summary>The convener opens the room from setup and downloads the clean text as a PDF from the export menu.</summary>
    private static async Task<byte[]> DownloadTheCleanPdfAsync(IPage convener)
    {
        await convener.GetByTestId("open-room").ClickAsync();
        await Expect(convener.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = BootTimeout });
        await convener.GetByTestId("export-toggle").ClickAsync();
        await convener.GetByTestId("export-clean").CheckAsync();
        var download = await convener.RunAndWaitForDownloadAsync(() => convener.GetByTestId("export-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>
    /// The statement as it is published: title, place and dates, the clauses as revised, then the
    /// signatories with the identification note, and the hash they signed in the small print at the
    /// end. No internal name (an enum's), no kind, no status, no position and no reservation note.
    /// </summary>
    private static void AssertThePublishedStatement(byte[] pdf, string hash)
    {
        var text = PdfText(pdf);
        // The venue is a word of its own here: no title or clause says "Venice".
        AssertInOrder(text, StatementTitle, $"{Venue}, 3–5 December 2026", Preamble, RedLine, Principle,
            "Signatories", "Affiliations for identification only.", $"Frozen text SHA-256: {hash}", "History");
        foreach (var (signer, capacity) in new[] { (Lin, "Personal capacity"), (Dana, "Institutional capacity") })
            AssertInOrder(text, "Signatories", signer.Name, signer.Affiliation, capacity, "Frozen text SHA-256");
        Assert.DoesNotContain(Squeezed(RedLineAsProposed), text);
        // Only those who signed, and never a position or its note.
        Assert.DoesNotContain(Squeezed(Elena.Name), text);
        Assert.DoesNotContain(Squeezed(ElenaReservation), text);
        var internalWords = Enum.GetNames<ClauseKind>().Concat(Enum.GetNames<ClauseStatus>()).Concat(Enum.GetNames<PositionKind>())
            .Concat(["Red line", "Funding floor", "Governance proposal", "Near consensus", "Stand aside"]);
        foreach (var word in internalWords)
            Assert.False(text.Contains(Squeezed(word), StringComparison.Ordinal), $"The published statement says “{word}”.");
    }

    /// <summary>Each part is in the text, after the one before it.</summary>
    private static void AssertInOrder(string text, params string[] parts)
    {
        var from = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Squeezed(parts[i]);
            var at = text.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0)
                Assert.Fail(text.Contains(part, StringComparison.Ordinal)
                    ? $"The PDF has “{parts[i]}”, but not after “{parts[i - 1]}”."
                    : $"The PDF does not contain “{parts[i]}”.");
            from = at + part.Length;
        }
    }

    /// <summary>All pages' text without whitespace: where a PDF breaks a line, and so whether a space survives, is layout.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Blazor binds these inputs on change, which a browser fires when the field is left.</summary>
    private static async Task FillAndLeaveAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await room.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            BaseURL = room.Server.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    private string Url(string path) => new Uri(room.Server.BaseAddress, path).ToString();

    private sealed record Person(string Name, string Affiliation, Role Role, string? Region, string? Sector);

    private static async Task AssertNoWcagViolationsAsync(IPage page, string what)
    {
        // A snackbar fades in and out; axe would measure its contrast mid-animation, so it is checked without one.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Axe.AssertNoWcagViolationsAsync(page, what);
    }
}
