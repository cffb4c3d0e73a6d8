using Deliberation.Domain.Dialogues;
using Deliberation.Server.Services;

namespace Deliberation.Server.Roster;

/// <summary>
/// Adds the members of a roster file all or nothing (docs/api.md, "Roster by file"): the whole file
/// is judged first, then every member goes to the dialogue in one batch, which the dialogue grain
/// decides as one (<c>Batch.DecideAll</c>) and commits as one append — a refusal of any member
/// stores none. Only after that commit is each person registered as a participant, as adding one
/// member does.
/// </summary>
public sealed class RosterImporter(DialogueService dialogues)
{
    /// <summary>The members added, or the file's problems, or the dialogue's refusal.</summary>
    public sealed record Outcome(IReadOnlyList<Member> Added, IReadOnlyList<RosterRowProblem> Problems, RuleError? Refusal);

    public async Task<Outcome> ImportAsync(DialogueState dialogue, Stream file, Guid actor)
    {
        var read = RosterCsvReader.Read(file, dialogue.Dimensions, dialogue.Roster.Values.Select(m => m.DisplayName), Limits.RosterSize - dialogue.Roster.Count);
        if (!read.Ok)
            return new([], read.Problems, null);
        if (read.Members.Count == 0)
            return new([], [new RosterRowProblem(null, null, "The file has no members. Add one row per person under the header row.")], null);
        // The server makes every participant id, as for one member added by hand.
        var members = read.Members.Select(m => m with { ParticipantId = Guid.NewGuid() }).ToList();
        var outcome = await dialogues.ExecuteAsync(dialogue.Id, [.. members.Select(m => (DialogueCommand)new AddMember(m))], actor);
        if (!outcome.Accepted)
            return new([], [], outcome.Error);
        foreach (var member in members)
            await dialogues.RegisterAsync(member.ParticipantId, member.DisplayName, member.Affiliation, dialogue.Id, member.Role);
        return new(members, [], null);
    }

    /// <summary>
    /// The request body in memory, read asynchronously (the server allows no synchronous reads) and
    /// never more than one byte past the reader's limit, which the reader then reports as too large.
    /// </summary>
    public static async Task<MemoryStream> BufferAsync(Stream body, CancellationToken cancellation)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= RosterCsvReader.MaxBytes && (read = await body.ReadAsync(chunk, cancellation)) > 0)
            buffer.Write(chunk, 0, read);
        buffer.Position = 0;
        return buffer;
    }
}
