using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Statements;

namespace Deliberation.Grains.Tests.Fixtures;

/// <summary>
/// A dialogue with one statement, driven only through the grains as the server drives them: a
/// convener, a facilitator, and delegates spread over two dimensions (Region × Sector). Every test
/// makes its own room with fresh ids, so tests share the cluster without sharing streams.
/// </summary>
public sealed class Room
{
    public const string Region = "Region";
    public const string Sector = "Sector";
    public static readonly ImmutableArray<string> Regions = ["North", "South"];
    public static readonly ImmutableArray<string> Sectors = ["Academia", "Industry", "Civil society"];

    private readonly IGrainFactory grains;

    private Room(IGrainFactory grains)
    {
        this.grains = grains;
        Dialogue = grains.GetGrain<IDialogueGrain>(DialogueId);
        Statement = grains.GetGrain<IStatementGrain>(StatementId);
    }

    public Guid DialogueId { get; } = Guid.NewGuid();
    public Guid StatementId { get; } = Guid.NewGuid();
    public Guid Convener { get; } = Guid.NewGuid();
    public Guid Facilitator { get; } = Guid.NewGuid();
    public List<Guid> Delegates { get; } = [];
    public IDialogueGrain Dialogue { get; }
    public IStatementGrain Statement { get; }

    public static ImmutableArray<Dimension> Dimensions { get; } = [new(Region, Regions), new(Sector, Sectors)];

    /// <summary>
    /// Creates the dialogue and its statement; <paramref name="delegates"/> are spread round-robin,
    /// so delegate i is in region i mod 2 and sector i mod 3.
    /// </summary>
    public static async Task<Room> CreateAsync(IGrainFactory grains, int delegates = 12, Phase phase = Phase.Setup)
    {
        var room = new Room(grains);
        await room.MustAsync(new CreateDialogue(room.DialogueId, new DialogueSettings("Grain test dialogue"), Dimensions, null, "Convener", null), room.Convener);
        await room.MustAsync(new AddMember(new Member(room.Facilitator, "Chair", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty)), room.Convener);
        await room.AddDelegatesAsync(delegates);
        await room.MustAsync(new AddStatement(room.StatementId, "Joint statement"), room.Convener);
        await room.MustAsync(new CreateStatement(room.StatementId, room.DialogueId, "Joint statement"), room.Convener);
        await room.MoveToAsync(phase);
        return room;
    }

    public static Member NewDelegate(int index) => new(
        Guid.NewGuid(), $"Delegate {index}", "Institute", Role.Delegate,
        ImmutableDictionary<string, string>.Empty.Add(Region, Regions[index % Regions.Length]).Add(Sector, Sectors[index % Sectors.Length]));

    /// <summary>Adds delegates continuing the round-robin, in one batch.</summary>
    public async Task<IReadOnlyList<Guid>> AddDelegatesAsync(int count)
    {
        var members = Enumerable.Range(Delegates.Count, count).Select(NewDelegate).ToList();
        if (count > 0)
            AssertAccepted(await Dialogue.ExecuteBatchAsync([.. members.Select(m => new AddMember(m))], Convener));
        Delegates.AddRange(members.Select(m => m.ParticipantId));
        return [.. members.Select(m => m.ParticipantId)];
    }

    public IEnumerable<Guid> DelegatesIn(string region) =>
        Delegates.Where((_, i) => Regions[i % Regions.Length] == region);

    public async Task<CommandOutcome> MustAsync(DialogueCommand command, Guid actor) =>
        AssertAccepted(await Dialogue.ExecuteAsync(command, actor));

    public async Task<CommandOutcome> MustAsync(StatementCommand command, Guid actor) =>
        AssertAccepted(await Statement.ExecuteAsync(DialogueId, command, actor));

    public async Task MoveToAsync(Phase target)
    {
        var phase = (await DialogueStateAsync()).Phase;
        while (phase != target)
        {
            phase = phase < target ? phase + 1 : phase - 1;
            await MustAsync(new SetPhase(phase), Facilitator);
        }
    }

    /// <summary>Proposes a clause as the facilitator (the dialogue must be in Setup or Drafting).</summary>
    public async Task<Guid> ClauseAsync(string text, ClauseKind kind = ClauseKind.Other)
    {
        var id = Guid.NewGuid();
        await MustAsync(new ProposeClause(id, kind, text), Facilitator);
        return id;
    }

    public async Task<int> RevisionOfAsync(Guid clauseId) => (await StatementStateAsync()).Clauses[clauseId].CurrentRevision;

    public async Task TakeAsync(Guid member, Guid clauseId, PositionKind position) =>
        await MustAsync(new TakePosition(clauseId, await RevisionOfAsync(clauseId), position), member);

    public async Task<DialogueState> DialogueStateAsync() => (await Dialogue.GetStateAsync()).Value;

    public async Task<StatementState> StatementStateAsync() => (await Statement.GetStateAsync()).Value;

    public async Task<StatementConsensus> ConsensusAsync() => (await Statement.GetConsensusAsync()).Value;

    /// <summary>The one full recomputation the incremental tracker must always agree with.</summary>
    public async Task<StatementConsensus> RecomputedConsensusAsync() =>
        ConsensusCalculator.Compute(await DialogueStateAsync(), await StatementStateAsync());

    public async Task<ClauseConsensus> ClauseConsensusAsync(Guid clauseId) =>
        (await ConsensusAsync()).Clauses.Single(c => c.ClauseId == clauseId && c.OptionId is null);

    public static CommandOutcome AssertAccepted(CommandOutcome outcome)
    {
        Assert.True(outcome.Accepted, $"Refused: {outcome.Error}");
        return outcome;
    }
}
