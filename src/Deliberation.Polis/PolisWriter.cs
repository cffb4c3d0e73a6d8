using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using static Deliberation.Polis.PolisFiles;

namespace Deliberation.Polis;

/// <summary>Writes a conversation as Pol.is's three CSVs, in Pol.is's layout (header names and
/// column order as in real exports, UTF-8 without BOM, LF line ends). <see cref="PolisReader"/>
/// reads the result back to an equal conversation.</summary>
public static class PolisWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        // CsvHelper's own guard would also prefix the numeric cell "-1"; free text is guarded by SpreadsheetGuard instead.
        InjectionOptions = InjectionOptions.None,
    };

    /// <summary>Writes the three files; the streams are flushed and left open.</summary>
    /// <remarks>
    /// Rows keep the conversation's order. participants-votes.csv has a column for each comment
    /// somebody holds a position on, in id order, as Pol.is omits unvoted comments; its n-comments
    /// counts the comments the participant wrote. The datetime columns are written in UTC.
    /// When <see cref="PolisConversation.VoteLog"/> is null, votes.csv gets one row per position,
    /// with timestamp 0 since the times are unknown, so that the three files still agree.
    /// Comment bodies and group ids are guarded against spreadsheet formula injection (see
    /// <see cref="SpreadsheetGuard"/>); numeric cells are written as they are.
    /// </remarks>
    public static void Write(PolisConversation conversation, Stream comments, Stream participantsVotes, Stream votes)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(participantsVotes);
        ArgumentNullException.ThrowIfNull(votes);

        WriteComments(conversation.Comments, comments);
        WriteParticipants(conversation, participantsVotes);
        WriteVotes(conversation, votes);
    }

    private static void WriteComments(IReadOnlyList<PolisComment> comments, Stream stream)
    {
        // Newer exports' is-meta column only when some comment carries the flag.
        var withMeta = comments.Any(c => c.IsMeta is not null);
        using var csv = Open(stream);
        csv.WriteFields(Timestamp, Datetime, CommentId, AuthorId, Agrees, Disagrees, Moderated, CommentBody);
        if (withMeta)
        {
            csv.WriteField(IsMeta);
        }

        csv.NextRecord();
        foreach (var c in comments)
        {
            csv.WriteFields(
                Number(c.Timestamp),
                DateTime(c.Timestamp),
                Number(c.Id),
                Number(c.AuthorId),
                Number(c.Agrees),
                Number(c.Disagrees),
                Number(c.Moderated),
                SpreadsheetGuard.Protect(c.Body));
            if (withMeta)
            {
                csv.WriteField(c.IsMeta switch { true => "true", false => "false", null => "" });
            }

            csv.NextRecord();
        }
    }

    private static void WriteParticipants(PolisConversation conversation, Stream stream)
    {
        var columns = conversation.Participants.SelectMany(p => p.Votes.Keys).Distinct().Order().ToArray();
        var authored = conversation.Comments
            .Where(c => c.AuthorId is not null)
            .CountBy(c => c.AuthorId!.Value)
            .ToDictionary();

        using var csv = Open(stream);
        csv.WriteFields(Participant, GroupId, NComments, NVotes, NAgree, NDisagree);
        foreach (var commentId in columns)
        {
            csv.WriteField(Number(commentId));
        }

        csv.NextRecord();
        foreach (var p in conversation.Participants)
        {
            csv.WriteFields(
                Number(p.Id),
                p.GroupId is null ? "" : SpreadsheetGuard.Protect(p.GroupId),
                Number(authored.GetValueOrDefault(p.Id)),
                Number(p.Votes.Count),
                Number(p.Votes.Values.Count(v => v == 1)),
                Number(p.Votes.Values.Count(v => v == -1)));
            foreach (var commentId in columns)
            {
                csv.WriteField(p.Votes.TryGetValue(commentId, out var vote) ? Number(vote) : "");
            }

            csv.NextRecord();
        }
    }

    private static void WriteVotes(PolisConversation conversation, Stream stream)
    {
        var log = conversation.VoteLog
            ?? [.. conversation.Participants.SelectMany(p =>
                p.Votes.OrderBy(v => v.Key).Select(v => new PolisVote(0, v.Key, p.Id, v.Value)))];

        using var csv = Open(stream);
        csv.WriteFields(Timestamp, Datetime, CommentId, VoterId, Vote);
        csv.NextRecord();
        foreach (var v in log)
        {
            csv.WriteFields(Number(v.Timestamp), DateTime(v.Timestamp), Number(v.CommentId), Number(v.VoterId), Number(v.Vote));
            csv.NextRecord();
        }
    }

    private static CsvWriter Open(Stream stream) =>
        new(new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true), Configuration);

    private static void WriteFields(this CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    // Pol.is writes Java's Date.toString() in the server's zone; UTC keeps ours reproducible.
    private static string DateTime(long? timestamp) =>
        timestamp is { } ms && ms >= MinUnixMs && ms <= MaxUnixMs
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture)
            : "";

    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();

    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
}
