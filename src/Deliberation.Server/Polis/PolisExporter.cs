using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Polis;

namespace Deliberation.Server.Polis;

/// <summary>
/// A dialogue's statement back out as Pol.is's three CSVs. Voters are numbered: imported ones keep
/// their Pol.is id; others get numbers in an order that says nothing about who they are. In an
/// Anonymous dialogue every voter, imported or not, is numbered 1..n in a fresh random order:
/// neither the roster's order nor a Pol.is id (which the roster shows) leads back to a person.
/// Support and Accept are agree, Oppose and Block disagree, StandAside pass; stale positions are left out.
/// </summary>
public sealed class PolisExporter
{
    private readonly byte[] orderKey = RandomNumberGenerator.GetBytes(32);

    public PolisConversation Export(DialogueState dialogue, StatementState statement)
    {
        var voters = dialogue.Roster.Values.Where(m => m.Role == Role.Delegate).ToList();
        var numbered = dialogue.Settings.Confidentiality == ConfidentialityMode.Anonymous ? Shuffled(voters, dialogue.Id, statement.Version) : Numbered(voters);

        var clauses = statement.OrderedClauses.ToList();
        var commentIds = new Dictionary<Guid, int>();
        var nextComment = clauses.Select(c => ParseId(c.ExternalId) ?? -1).DefaultIfEmpty(-1).Max() + 1;
        foreach (var clause in clauses)
            commentIds[clause.Id] = ParseId(clause.ExternalId) ?? nextComment++;

        var dimension = dialogue.Dimensions.IsDefaultOrEmpty ? null : dialogue.Dimensions[0].Name;
        var participants = voters.OrderBy(v => numbered[v.ParticipantId]).Select(v => new PolisParticipant(
            numbered[v.ParticipantId],
            dimension is null ? null : v.GroupIn(dimension),
            clauses.Where(c => c.Positions.TryGetValue(v.ParticipantId, out var p) && c.IsCurrent(p))
                .ToDictionary(c => commentIds[c.Id], c => VoteOf(c.Positions[v.ParticipantId].Kind)))).ToList();
        var comments = clauses.Select(c =>
        {
            var current = c.Positions.Where(p => numbered.ContainsKey(p.Key) && c.IsCurrent(p.Value)).Select(p => VoteOf(p.Value.Kind)).ToList();
            return new PolisComment(commentIds[c.Id], c.Revisions[0].At.ToUnixTimeMilliseconds(), null,
                current.Count(v => v == 1), current.Count(v => v == -1), c.Withdrawn ? -1 : 1, c.Text, null);
        }).OrderBy(c => c.Id).ToList();
        var log = clauses.SelectMany(c => c.Positions
                .Where(p => numbered.ContainsKey(p.Key) && c.IsCurrent(p.Value))
                .Select(p => new PolisVote(p.Value.At.ToUnixTimeMilliseconds(), commentIds[c.Id], numbered[p.Key], VoteOf(p.Value.Kind))))
            .OrderBy(v => v.Timestamp).ThenBy(v => v.VoterId).ThenBy(v => v.CommentId).ToList();
        return new PolisConversation(comments, participants, log);
    }

    private static Dictionary<Guid, int> Numbered(List<Member> voters)
    {
        var numbered = new Dictionary<Guid, int>();
        var next = voters.Select(v => ParseId(v.ExternalId) ?? -1).DefaultIfEmpty(-1).Max() + 1;
        foreach (var voter in voters.OrderBy(v => ParseId(v.ExternalId) ?? int.MaxValue).ThenBy(v => v.ParticipantId))
            numbered[voter.ParticipantId] = ParseId(voter.ExternalId) ?? next++;
        return numbered;
    }

    /// <summary>
    /// 1..n in the order of a keyed hash (HMAC-SHA-256 under a key drawn at random when the server
    /// starts) of the dialogue, the statement version and the participant: unpredictable without
    /// the key, the same for the three files fetched one by one at one version, and fresh once the
    /// statement moves on or the server restarts.
    /// </summary>
    private Dictionary<Guid, int> Shuffled(List<Member> voters, Guid dialogueId, long statementVersion)
    {
        byte[] Rank(Guid participantId)
        {
            var message = new byte[40];
            dialogueId.TryWriteBytes(message.AsSpan(0, 16));
            BitConverter.TryWriteBytes(message.AsSpan(16, 8), statementVersion);
            participantId.TryWriteBytes(message.AsSpan(24, 16));
            return HMACSHA256.HashData(orderKey, message);
        }
        return voters.Select(v => (v.ParticipantId, Rank: Rank(v.ParticipantId)))
            .OrderBy(v => v.Rank, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
            .Select((v, i) => (v.ParticipantId, Number: i + 1))
            .ToDictionary(v => v.ParticipantId, v => v.Number);
    }

    /// <summary>The three files as one zip, named as Pol.is names them.</summary>
    public static byte[] Zip(PolisConversation conversation)
    {
        using MemoryStream comments = new(), participants = new(), votes = new();
        PolisWriter.Write(conversation, comments, participants, votes);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("comments.csv", comments), ("participants-votes.csv", participants), ("votes.csv", votes) })
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content.ToArray());
            }
        }
        return zip.ToArray();
    }

    public static int VoteOf(PositionKind kind) => kind switch
    {
        PositionKind.Support or PositionKind.Accept => 1,
        PositionKind.Oppose or PositionKind.Block => -1,
        _ => 0,
    };

    private static int? ParseId(string? id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
