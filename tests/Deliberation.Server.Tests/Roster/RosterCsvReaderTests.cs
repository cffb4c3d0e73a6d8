using System.Text;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Roster;

namespace Deliberation.Server.Tests.Roster;

/// <summary>docs/api.md, "Roster by file": what a roster file may hold, and each bad row named by row, column and remedy.</summary>
public sealed class RosterCsvReaderTests
{
    private static readonly Dimension[] Dimensions =
    [
        new("Region", ["China", "United States", "Europe"]),
        new("Sector", ["Academia", "Industry"]),
    ];

    private static RosterCsvReader.Result Read(string text, bool bom = false, params string[] existing)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return RosterCsvReader.Read(new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes), Dimensions, existing);
    }

    private static RosterRowProblem Single(RosterCsvReader.Result result)
    {
        Assert.Empty(result.Members);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void GoodFileGivesEveryMemberWithRoleAndGroups()
    {
        var result = Read("name,affiliation,role,Region,Sector\r\nAda Lovelace,Analytical Society,rapporteur,Europe,Academia\r\nBo Chen,Tsinghua,Delegate,china,\r\n");

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Collection(result.Members,
            ada =>
            {
                Assert.Equal("Ada Lovelace", ada.DisplayName);
                Assert.Equal("Analytical Society", ada.Affiliation);
                Assert.Equal(Role.Rapporteur, ada.Role);
                Assert.Equal("Europe", ada.Groups["Region"]);
                Assert.Equal("Academia", ada.Groups["Sector"]);
            },
            bo =>
            {
                Assert.Equal(Role.Delegate, bo.Role);
                // Group values are matched case aside and stored as the dialogue spells them.
                Assert.Equal("China", bo.Groups["Region"]);
                Assert.False(bo.Groups.ContainsKey("Sector"));
            });
    }

    [Fact]
    public void HeadersAreCaseInsensitiveInAnyOrderAndRoleAndAffiliationAreOptional()
    {
        var result = Read("SECTOR,Name,region\nIndustry,Chidi Okafor,United States\n");

        var member = Assert.Single(result.Members);
        Assert.Equal("Chidi Okafor", member.DisplayName);
        Assert.Null(member.Affiliation);
        Assert.Equal(Role.Delegate, member.Role);
        Assert.Equal("United States", member.Groups["Region"]);
    }

    [Fact]
    public void ByteOrderMarkAndChineseNamesSurvive()
    {
        var result = Read("name,affiliation,role,Region\n张伟,清华大学,delegate,China\n李娜,北京大学,observer,China\n", bom: true);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Equal(["张伟", "李娜"], result.Members.Select(m => m.DisplayName));
        Assert.Equal("清华大学", result.Members[0].Affiliation);
    }

    [Fact]
    public void TemplateReadsBackAsAnEmptyRoster()
    {
        var template = RosterCsvTemplate.For(Dimensions);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), template[..3]);
        Assert.Equal("name,affiliation,role,Region,Sector\r\n", Encoding.UTF8.GetString(template[3..]));
        var result = RosterCsvReader.Read(new MemoryStream(template), Dimensions, []);
        Assert.True(result.Ok);
        Assert.Empty(result.Members);
    }

    [Fact]
    public void UnknownRoleIsNamedWithRowColumnAndTheRolesToUse()
    {
        var problem = Single(Read("name,role\nAda,chair\n"));

        Assert.Equal(2, problem.Row);
        Assert.Equal("role", problem.Column);
        Assert.Contains("'chair' is no role", problem.Message);
        Assert.Contains("delegate", problem.Message);
    }

    [Fact]
    public void NumbersAreNoRoles() => Assert.Equal("role", Single(Read("name,role\nAda,3\n")).Column);

    [Fact]
    public void UnknownGroupValueNamesTheDimensionsGroups()
    {
        var problem = Single(Read("name,Region\nAda,Europe\nBo,Asia\n"));

        Assert.Equal(3, problem.Row);
        Assert.Equal("Region", problem.Column);
        Assert.Contains("'Asia' is no group of Region", problem.Message);
        Assert.Contains("China, United States, Europe", problem.Message);
    }

    [Fact]
    public void EmptyNameIsRefused()
    {
        var problem = Single(Read("name,affiliation\nAda,X\n ,Nowhere\n"));

        Assert.Equal((3, "name"), (problem.Row, problem.Column));
        Assert.Contains("empty", problem.Message);
    }

    [Fact]
    public void DuplicateNameInTheFileNamesTheFirstRow()
    {
        var problem = Single(Read("name\nAda Lovelace\nBo\n ada lovelace \n"));

        Assert.Equal(4, problem.Row);
        Assert.Contains("also on row 2", problem.Message);
    }

    [Fact]
    public void NameAlreadyOnTheRosterIsRefused()
    {
        var problem = Single(Read("name\nBo\nAda Convener\n", existing: "Ada Convener"));

        Assert.Equal(3, problem.Row);
        Assert.Contains("already on the roster", problem.Message);
    }

    [Fact]
    public void TooLongNameAndAffiliationAreRefused()
    {
        var result = Read($"name,affiliation\n{new string('n', Limits.NameLength + 1)},ok\nBo,{new string('a', Limits.ShortTextLength + 1)}\n");

        Assert.Empty(result.Members);
        Assert.Equal([(2, "name"), (3, "affiliation")], result.Problems.Select(p => (p.Row!.Value, p.Column!)));
        Assert.Contains($"the limit is {Limits.NameLength}", result.Problems[0].Message);
    }

    [Fact]
    public void TooManyRowsIsRefusedAtTheFirstRowPastTheLimit()
    {
        var file = new StringBuilder("name\n");
        for (var i = 0; i <= RosterCsvReader.MaxRows; i++)
            file.Append("Person ").Append(i).Append('\n');

        var problem = Single(Read(file.ToString()));

        Assert.Equal(RosterCsvReader.MaxRows + 2, problem.Row);
        Assert.Contains($"at most {RosterCsvReader.MaxRows} members", problem.Message);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("-2+3")]
    public void FormulaCellsAreRefused(string cell)
    {
        var problem = Single(Read($"name,affiliation\nAda,\"{cell.Replace("\"", "\"\"")}\"\n"));

        Assert.Equal((2, "affiliation"), (problem.Row, problem.Column));
        Assert.Contains("formula", problem.Message);
    }

    [Fact]
    public void ApostropheProtectedTextIsTakenAsText()
    {
        var member = Assert.Single(Read("name,affiliation\nAda,'=Equals Foundation\n").Members);

        Assert.Equal("=Equals Foundation", member.Affiliation);
    }

    [Fact]
    public void EveryBadRowIsReportedAndNoMemberIsGiven()
    {
        var result = Read("name,role,Region\nAda,delegate,Europe\nBo,king,Europe\n,delegate,Europe\nCy,delegate,Mars\n");

        Assert.Empty(result.Members);
        Assert.Equal([3, 4, 5], result.Problems.Select(p => p.Row!.Value));
    }

    [Fact]
    public void UnknownOrMissingColumnsAreHeaderProblems()
    {
        var unknown = Single(Read("name,Regoin\nAda,Europe\n"));
        Assert.Equal((1, "Regoin"), (unknown.Row, unknown.Column));
        Assert.Contains("Region", unknown.Message);

        // A misspelt name column is both unknown and missing: both are said.
        var misspelt = Read("fullname\nAda\n");
        Assert.Empty(misspelt.Members);
        Assert.Equal([(1, "fullname"), (1, "name")], misspelt.Problems.Select(p => (p.Row!.Value, p.Column!)));
        Assert.Contains("no 'name' column", Single(Read("affiliation\nX\n")).Message);
    }

    [Fact]
    public void FileThatIsNotUtf8IsRefusedWithWhatToDo()
    {
        var latin1 = Encoding.Latin1.GetBytes("name\nJosé\n");

        var problem = Single(RosterCsvReader.Read(new MemoryStream(latin1), Dimensions, []));

        Assert.Null(problem.Row);
        Assert.Contains("CSV UTF-8", problem.Message);
    }

    [Fact]
    public void BrokenQuotingIsNamedByRow()
    {
        var problem = Single(Read("name,affiliation\nAda,ok\nBo,Mc\"Donald\n"));

        Assert.Equal(3, problem.Row);
        Assert.Contains("quot", problem.Message);
    }

    [Fact]
    public void RowWithMoreCellsThanTheHeaderIsRefused() =>
        Assert.Equal(2, Single(Read("name,affiliation\nAda,Oxford, UK\n")).Row);

    [Fact]
    public void BlankLinesAreSkippedButStillCountAsRows()
    {
        var problem = Single(Read("name,role\nAda,delegate\n\nBo,king\n"));

        Assert.Equal(4, problem.Row);
    }
}
