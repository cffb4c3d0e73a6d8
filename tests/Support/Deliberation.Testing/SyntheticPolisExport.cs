using System.Globalization;
using System.Text;

namespace Deliberation.Testing;

/// <summary>
/// A Pol.is export of any size, made up (issue 10's imports of 300,000 to 2,000,000 votes): comments.csv
/// and participants-votes.csv in a folder, four opinion groups, every participant voting on every
/// comment, each group leaning its own way so the consensus has something to find. Written row by
/// row, so making a large one costs no memory; the same sizes give the same files.
/// </summary>
public static class SyntheticPolisExport
{
    public const int Groups = 4;

    /// <summary>
    /// Writes the two files into <paramref name="folder"/>; answers the votes written. Each participant votes
    /// on <paramref name="votesPerParticipant"/> comments (all of them unless given): a run of them from a
    /// place of her own, the rest of her row blank, as Pol.is leaves comments someone never saw — the
    /// largest public conversation, 33,000 × 783 with 2,000,000 votes, is about 61 a participant.
    /// </summary>
    public static long Write(string folder, int participants, int comments, int? votesPerParticipant = null)
    {
        var perParticipant = Math.Clamp(votesPerParticipant ?? comments, 0, comments);
        Directory.CreateDirectory(folder);
        using (var writer = new StreamWriter(Path.Combine(folder, "comments.csv"), false, new UTF8Encoding(false)))
        {
            writer.Write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
            for (var c = 0; c < comments; c++)
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{1_600_000_000 + c},x,{c},0,0,0,1,Synthetic comment number {c}\n"));
        }
        var random = new Random(participants * 31 + comments);
        var row = new StringBuilder();
        using (var writer = new StreamWriter(Path.Combine(folder, "participants-votes.csv"), false, new UTF8Encoding(false)))
        {
            row.Append("participant,group-id");
            for (var c = 0; c < comments; c++)
                row.Append(',').Append(c.ToString(CultureInfo.InvariantCulture));
            writer.Write(row.Append('\n'));
            for (var p = 0; p < participants; p++)
            {
                var group = p % Groups;
                row.Clear().Append(p.ToString(CultureInfo.InvariantCulture)).Append(',').Append(group.ToString(CultureInfo.InvariantCulture));
                var first = perParticipant == comments ? 0 : random.Next(comments);
                for (var c = 0; c < comments; c++)
                {
                    if ((c - first + comments) % comments >= perParticipant)
                    {
                        row.Append(',');
                        continue;
                    }
                    // Group g agrees more often with comments c ≡ g (mod 4): a cleavage per group.
                    var agree = (c % Groups == group ? 0.7 : 0.35) > random.NextDouble();
                    row.Append(agree ? ",1" : random.NextDouble() < 0.5 ? ",-1" : ",0");
                }
                writer.Write(row.Append('\n'));
            }
        }
        return (long)participants * perParticipant;
    }
}
