using System.Globalization;
using Deliberation.Polis.Csv;
using static Deliberation.Polis.PolisFiles;

namespace Deliberation.Polis;

/// <summary>Reads a Pol.is export. Columns are taken by header name, so extra columns and any
/// column order are accepted; every fault in the input is a <see cref="PolisFormatException"/>.</summary>
public static class PolisReader
{
    private const int ShownValueLength = 40;

    /// <summary>Reads comments.csv, participants-votes.csv and, when given, votes.csv. The streams are
    /// read to their end and left open.</summary>
    /// <remarks>
    /// When votes.csv is given it must agree exactly with participants-votes.csv
    /// (<see cref="PolisRules.VotesMismatch"/>): for every (voter, comment) pair, the latest vote in
    /// votes.csv (greatest timestamp; on equal timestamps the later row) must equal the cell of that
    /// participant's row and comment's column, and a blank cell, a missing column or a missing row
    /// means the log has no vote for that pair. Checked on the four compdemocracy/openData exports
    /// (15-per-hour-seattle, brexit-consensus, scoop-hivemind.ubi, vtaiwan.uberx): the two agree
    /// exactly — same voters as participant rows, no omitted participant, no extra or missing pair,
    /// no differing value — even though the log is not in timestamp order and 63, 9, 20 and 454
    /// pairs respectively were voted on more than once (superseded votes differ from the latest;
    /// one pair in vtaiwan.uberx has two rows with the same timestamp and the same vote).
    /// participants-votes.csv omits comment columns that nobody voted on (scoop-hivemind.ubi has
    /// no column for its rejected, unvoted comment 14); that is allowed.
    /// </remarks>
    public static PolisConversation Read(Stream comments, Stream participantsVotes, Stream? votes, PolisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(participantsVotes);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();

        var commentList = ReadComments(comments, limits);
        var commentIds = commentList.Select(c => c.Id).ToHashSet();
        var table = ReadParticipants(participantsVotes, limits, commentIds);
        if (votes is null)
        {
            return new PolisConversation(commentList, table.Participants, null);
        }

        var log = ReadVotes(votes, limits, commentIds);
        CheckLogAgreesWithPositions(log, table);
        return new PolisConversation(commentList, table.Participants, log.Votes);
    }

    private static IReadOnlyList<PolisComment> ReadComments(Stream stream, PolisLimits limits)
    {
        using var csv = CsvSource.Open(stream, Comments, limits.MaxBytesPerFile);
        var id = csv.Required(CommentId);
        var agrees = csv.Required(Agrees);
        var disagrees = csv.Required(Disagrees);
        var moderated = csv.Required(Moderated);
        var body = csv.Required(CommentBody);
        var timestamp = csv.Optional(Timestamp);
        var author = csv.Optional(AuthorId);
        var isMeta = csv.Optional(IsMeta);

        var list = new List<PolisComment>();
        var lineOf = new Dictionary<int, int>();
        while (csv.Read(out var f))
        {
            if (list.Count == limits.MaxComments)
            {
                throw csv.Fault(PolisRules.TooLarge, null, $"more than {limits.MaxComments} comments");
            }

            var commentId = NonNegative(csv, f, id);
            if (!lineOf.TryAdd(commentId, csv.Line))
            {
                throw csv.Fault(
                    PolisRules.DuplicateComment, CommentId, $"comment {commentId} already appears on line {lineOf[commentId]}");
            }

            var text = SpreadsheetGuard.Unprotect(f[body]);
            if (text.Length > limits.MaxCommentBodyLength)
            {
                throw csv.Fault(
                    PolisRules.TooLarge,
                    CommentBody,
                    $"comment {commentId} is {text.Length} characters long; the limit is {limits.MaxCommentBodyLength}");
            }

            var state = Integer(csv, f, moderated);
            if (state is < -1 or > 1)
            {
                throw csv.Fault(PolisRules.BadValue, Moderated, $"{Shown(f[moderated])} is not 1, 0 or -1");
            }

            list.Add(new PolisComment(
                commentId,
                timestamp is { } t ? OptionalLong(csv, f, t) : null,
                author is { } a ? OptionalNonNegative(csv, f, a) : null,
                NonNegative(csv, f, agrees),
                NonNegative(csv, f, disagrees),
                state,
                text,
                isMeta is { } m ? OptionalBool(csv, f, m) : null));
        }

        return list.AsReadOnly();
    }

    private static ParticipantTable ReadParticipants(Stream stream, PolisLimits limits, HashSet<int> commentIds)
    {
        var participants = new List<PolisParticipant>();
        var lines = new List<int>();
        foreach (var (participant, line) in ParticipantRows(stream, limits, commentIds))
        {
            participants.Add(participant);
            lines.Add(line);
        }

        return new ParticipantTable(participants.AsReadOnly(), lines);
    }

    /// <summary>
    /// participants-votes.csv one row at a time, each checked as <see cref="Read"/> checks it: for a file
    /// already read whole once (so known to be good) and read again where holding every vote would cost
    /// more than reading twice — an import of 2,000,000 votes (docs/performance.md, "Imports of any size").
    /// The stream is read from its current position, lazily, as the rows are enumerated, and left open.
    /// </summary>
    public static IEnumerable<PolisParticipant> ReadParticipantRows(Stream participantsVotes, IReadOnlyCollection<int> commentIds, PolisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(participantsVotes);
        ArgumentNullException.ThrowIfNull(commentIds);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        return ParticipantRows(participantsVotes, limits, commentIds.ToHashSet()).Select(row => row.Participant);
    }

    private static IEnumerable<(PolisParticipant Participant, int Line)> ParticipantRows(Stream stream, PolisLimits limits, HashSet<int> commentIds)
    {
        using var csv = CsvSource.Open(stream, ParticipantsVotes, limits.MaxBytesPerFile);
        var participant = csv.Required(Participant);
        var group = csv.Required(GroupId);

        // The per-comment columns are the headers that are integers; n-votes and the like are
        // derived from them and not read.
        var columns = new List<(int Index, int CommentId)>();
        for (var i = 0; i < csv.Header.Count; i++)
        {
            if (int.TryParse(csv.Header[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var commentId))
            {
                if (!commentIds.Contains(commentId))
                {
                    throw csv.Fault(PolisRules.UnknownComment, csv.Header[i], $"comment {commentId} is not in {Comments}");
                }

                columns.Add((i, commentId));
            }
        }

        var rows = 0;
        var lineOf = new Dictionary<int, int>();
        while (csv.Read(out var f))
        {
            if (rows == limits.MaxParticipants)
            {
                throw csv.Fault(PolisRules.TooLarge, null, $"more than {limits.MaxParticipants} participants");
            }

            var id = NonNegative(csv, f, participant);
            if (!lineOf.TryAdd(id, csv.Line))
            {
                throw csv.Fault(
                    PolisRules.DuplicateParticipant, Participant, $"participant {id} already appears on line {lineOf[id]}");
            }

            string? groupId = null;
            if (!string.IsNullOrWhiteSpace(f[group]))
            {
                groupId = SpreadsheetGuard.Unprotect(f[group]);
                if (groupId.Length > limits.MaxGroupIdLength)
                {
                    throw csv.Fault(
                        PolisRules.TooLarge, GroupId, $"the group id is longer than {limits.MaxGroupIdLength} characters");
                }
            }

            var votes = new Dictionary<int, int>();
            foreach (var (index, commentId) in columns)
            {
                if (!string.IsNullOrWhiteSpace(f[index]))
                {
                    votes[commentId] = ParseVote(csv, f, index);
                }
            }

            rows++;
            yield return (new PolisParticipant(id, groupId, votes.AsReadOnly()), csv.Line);
        }
    }

    private static VoteLog ReadVotes(Stream stream, PolisLimits limits, HashSet<int> commentIds)
    {
        using var csv = CsvSource.Open(stream, PolisFiles.Votes, limits.MaxBytesPerFile);
        var timestamp = csv.Required(Timestamp);
        var comment = csv.Required(CommentId);
        var voter = csv.Required(VoterId);
        var vote = csv.Required(Vote);

        var votes = new List<PolisVote>();
        var latest = new Dictionary<(int Voter, int Comment), LatestVote>();
        while (csv.Read(out var f))
        {
            var row = new PolisVote(
                Long(csv, f, timestamp), NonNegative(csv, f, comment), NonNegative(csv, f, voter), ParseVote(csv, f, vote));
            if (!commentIds.Contains(row.CommentId))
            {
                throw csv.Fault(PolisRules.UnknownComment, CommentId, $"comment {row.CommentId} is not in {Comments}");
            }

            votes.Add(row);
            var key = (row.VoterId, row.CommentId);
            if (!latest.TryGetValue(key, out var current) || row.Timestamp >= current.Timestamp)
            {
                latest[key] = new LatestVote(row.Timestamp, row.Vote, csv.Line);
            }
        }

        return new VoteLog(votes.AsReadOnly(), latest);
    }

    private static void CheckLogAgreesWithPositions(VoteLog log, ParticipantTable table)
    {
        // Pass 1, in participants-votes.csv order: every position must be the latest logged vote.
        var positions = 0;
        var byId = new Dictionary<int, PolisParticipant>(table.Participants.Count);
        for (var i = 0; i < table.Participants.Count; i++)
        {
            var participant = table.Participants[i];
            byId[participant.Id] = participant;
            foreach (var (commentId, position) in participant.Votes.OrderBy(v => v.Key))
            {
                positions++;
                if (!log.Latest.TryGetValue((participant.Id, commentId), out var latest))
                {
                    throw new PolisFormatException(
                        PolisRules.VotesMismatch,
                        ParticipantsVotes,
                        table.Lines[i],
                        commentId.ToString(CultureInfo.InvariantCulture),
                        $"participant {participant.Id} has position {position} on comment {commentId}, but {PolisFiles.Votes} has no vote of voter {participant.Id} on comment {commentId}");
                }

                if (latest.Vote != position)
                {
                    throw new PolisFormatException(
                        PolisRules.VotesMismatch,
                        PolisFiles.Votes,
                        latest.Line,
                        Vote,
                        $"the latest vote of voter {participant.Id} on comment {commentId} is {latest.Vote}, but {ParticipantsVotes} line {table.Lines[i]} gives participant {participant.Id} position {position} on it");
                }
            }
        }

        if (positions == log.Latest.Count)
        {
            return;
        }

        // Pass 2, in votes.csv order: a logged pair that has no position.
        foreach (var ((voterId, commentId), latest) in log.Latest.OrderBy(l => l.Value.Line))
        {
            var hasRow = byId.TryGetValue(voterId, out var participant);
            if (!hasRow || !participant!.Votes.ContainsKey(commentId))
            {
                var missing = hasRow
                    ? $"its cell for participant {voterId} and comment {commentId} is blank or has no column"
                    : $"it has no row for participant {voterId}";
                throw new PolisFormatException(
                    PolisRules.VotesMismatch,
                    PolisFiles.Votes,
                    latest.Line,
                    VoterId,
                    $"voter {voterId} voted {latest.Vote} on comment {commentId}, but {ParticipantsVotes} has no such position: {missing}");
            }
        }
    }

    private static int Integer(CsvSource csv, string[] f, int index) =>
        int.TryParse(f[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw csv.Fault(PolisRules.BadValue, csv.ColumnName(index), $"{Shown(f[index])} is not an integer");

    private static int NonNegative(CsvSource csv, string[] f, int index)
    {
        var value = Integer(csv, f, index);
        return value >= 0
            ? value
            : throw csv.Fault(PolisRules.BadValue, csv.ColumnName(index), $"{Shown(f[index])} is negative");
    }

    private static int? OptionalNonNegative(CsvSource csv, string[] f, int index) =>
        string.IsNullOrWhiteSpace(f[index]) ? null : NonNegative(csv, f, index);

    private static long Long(CsvSource csv, string[] f, int index) =>
        long.TryParse(f[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw csv.Fault(PolisRules.BadValue, csv.ColumnName(index), $"{Shown(f[index])} is not an integer");

    private static long? OptionalLong(CsvSource csv, string[] f, int index) =>
        string.IsNullOrWhiteSpace(f[index]) ? null : Long(csv, f, index);

    private static int ParseVote(CsvSource csv, string[] f, int index)
    {
        var trimmed = f[index].Trim();
        return trimmed switch
        {
            "1" => 1,
            "-1" => -1,
            "0" => 0,
            _ => throw csv.Fault(PolisRules.BadValue, csv.ColumnName(index), $"{Shown(f[index])} is not a vote: 1, -1 or 0"),
        };
    }

    private static bool? OptionalBool(CsvSource csv, string[] f, int index) =>
        f[index].Trim().ToLowerInvariant() switch
        {
            "" => null,
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw csv.Fault(PolisRules.BadValue, csv.ColumnName(index), $"{Shown(f[index])} is not true or false"),
        };

    // Quoted and cut short: the value may be long or hostile, and the message may be shown.
    private static string Shown(string value) =>
        value.Length <= ShownValueLength ? $"'{value}'" : $"'{value[..ShownValueLength]}…'";

    private sealed record ParticipantTable(IReadOnlyList<PolisParticipant> Participants, IReadOnlyList<int> Lines);

    private sealed record VoteLog(IReadOnlyList<PolisVote> Votes, Dictionary<(int Voter, int Comment), LatestVote> Latest);

    private readonly record struct LatestVote(long Timestamp, int Vote, int Line);
}
