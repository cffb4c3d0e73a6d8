using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Sessions;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Participants;
using Deliberation.Grains.Sessions;
using Deliberation.Grains.Statements;
using Deliberation.Server.Extensions;
using Deliberation.Server.Realtime;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Services;

/// <summary>
/// The one way the edge (HTTP, hub, seeding, import) talks to the grains: it fills in ids the
/// client left empty and coordinates the few actions that span two streams.
/// </summary>
public sealed class DialogueService(IGrainFactory grains)
{
    /// <summary>Creates a dialogue and a session for its convener, which <see cref="FoundingSessionAsync"/> finds.</summary>
    public async Task<(Guid DialogueId, CommandOutcome Outcome)> CreateDialogueAsync(Guid convener, CreateDialogue command)
    {
        var id = command.DialogueId == Guid.Empty ? Guid.NewGuid() : command.DialogueId;
        var outcome = await Dialogue(id).ExecuteAsync(command with { DialogueId = id }, convener);
        if (outcome.Accepted)
        {
            await RegisterAsync(convener, command.ConvenerName, command.ConvenerAffiliation, id, Role.Convener);
            await Sessions(id).ExecuteAsync(new StartFoundingSession(Guid.NewGuid()), convener);
        }
        return (id, outcome);
    }

    /// <summary>
    /// Takes over a dialogue an import job wrote straight to the store and has just made visible
    /// (docs/architecture.md, "Imports"): its grain loads it and re-syncs the directory, as after any
    /// crash between a commit and its read models; then the importer is registered and her founding
    /// session started, as <see cref="CreateDialogueAsync"/> does for a dialogue made by hand.
    /// </summary>
    public async Task AdoptImportedAsync(Guid dialogueId, Guid convener, string convenerName)
    {
        await Dialogue(dialogueId).GetStateAsync();
        await RegisterAsync(convener, convenerName, null, dialogueId, Role.Convener);
        await Sessions(dialogueId).ExecuteAsync(new StartFoundingSession(Guid.NewGuid()), convener);
    }

    /// <summary>Adds a statement to the dialogue's list, then creates its stream.</summary>
    public async Task<(Guid StatementId, CommandOutcome Outcome)> AddStatementAsync(Guid dialogueId, string title, Guid actor, Guid? statementId = null)
    {
        var id = statementId ?? Guid.NewGuid();
        var listed = await Dialogue(dialogueId).ExecuteAsync(new AddStatement(id, title), actor);
        if (!listed.Accepted)
            return (id, listed);
        return (id, await Statement(id).ExecuteAsync(dialogueId, new CreateStatement(id, dialogueId, title), actor));
    }

    public async Task<CommandOutcome> ExecuteAsync(Guid dialogueId, DialogueCommand command, Guid actor) =>
        await Dialogue(dialogueId).ExecuteAsync((await WithTranslationsExistAsync(dialogueId, [WithIds(command)]))[0], actor);

    public async Task<CommandOutcome> ExecuteAsync(Guid dialogueId, IReadOnlyList<DialogueCommand> commands, Guid actor) =>
        await Dialogue(dialogueId).ExecuteBatchAsync(await WithTranslationsExistAsync(dialogueId, [.. commands.Select(WithIds)]), actor);

    /// <summary>
    /// A settings change learns from the statements whether any clause is translated yet, which fixes
    /// the working languages (docs/domain.md, "Languages"). Filled in here, whatever the client sent,
    /// and not by the dialogue grain, which never waits on a statement (DialogueGrain's remarks).
    /// </summary>
    private async Task<IReadOnlyList<DialogueCommand>> WithTranslationsExistAsync(Guid dialogueId, IReadOnlyList<DialogueCommand> commands)
    {
        if (!commands.Any(c => c is ChangeSettings))
            return commands;
        var dialogue = (await Dialogue(dialogueId).GetStateAsync()).Value;
        var states = await Task.WhenAll(dialogue.Statements.Select(s => Statement(s.Id).GetStateAsync()));
        var translated = states.Any(s => s.Value.Clauses.Values.Any(c => !c.Translations.IsEmpty || !c.OptionTranslations.IsEmpty));
        return [.. commands.Select(c => c is ChangeSettings change ? change with { TranslationsExist = translated } : c)];
    }

    /// <summary>
    /// A statement command: one call, to the statement grain, which reads the dialogue once and
    /// refuses with <c>statement.not-found</c> unless the dialogue lists the statement.
    /// </summary>
    public Task<CommandOutcome> ExecuteAsync(Guid dialogueId, Guid statementId, StatementCommand command, Guid actor) =>
        Statement(statementId).ExecuteAsync(dialogueId, WithIds(command), actor);

    public Task<CommandOutcome> ExecuteAsync(Guid dialogueId, Guid statementId, IReadOnlyList<StatementCommand> commands, Guid actor) =>
        Statement(statementId).ExecuteBatchAsync(dialogueId, [.. commands.Select(WithIds)], actor);

    public async Task<DialogueState?> GetDialogueAsync(Guid dialogueId)
    {
        var state = (await Dialogue(dialogueId).GetStateAsync()).Value;
        return state.Exists ? state : null;
    }

    public async Task<StatementState?> GetStatementAsync(Guid dialogueId, Guid statementId)
    {
        if (await FindStatementRefAsync(dialogueId, statementId) is null)
            return null;
        var state = (await Statement(statementId).GetStateAsync()).Value;
        return state.Exists ? state : null;
    }

    /// <summary>The live, unredacted figures: only for <see cref="ConsensusForAsync"/> and viewers who may see them.</summary>
    public async Task<StatementConsensus> GetConsensusAsync(Guid statementId) =>
        (await Statement(statementId).GetConsensusAsync()).Value;

    /// <summary>A statement's state without checking which dialogue lists it (the push path knows).</summary>
    public async Task<StatementState?> GetStatementStateAsync(Guid statementId)
    {
        var state = (await Statement(statementId).GetStateAsync()).Value;
        return state.Exists ? state : null;
    }

    /// <summary>
    /// The matrix a role may see now: the live figures for a viewer who sees them, else the last
    /// release of each clause (docs/security.md) — the live figures are not even read for her.
    /// </summary>
    public async Task<StatementConsensus> ConsensusForAsync(StatementState statement, DialogueState dialogue, Role role) =>
        ConsensusVisibility.SeesLiveFigures(dialogue, role)
            ? await GetConsensusAsync(statement.Id)
            : Disclosure.Released(statement, dialogue);

    /// <summary>
    /// What a room join reads: the dialogue, then each of its statements with its state and
    /// unredacted consensus, asked in parallel and handed the dialogue's state so none calls back.
    /// Gathered here, on the node: the dialogue grain never waits on a statement (DialogueGrain's
    /// remarks). Null when there is no such dialogue.
    /// </summary>
    public async Task<RoomSnapshot?> GetRoomSnapshotAsync(Guid dialogueId)
    {
        var dialogue = await Dialogue(dialogueId).GetStateAsync();
        if (!dialogue.Value.Exists)
            return null;
        var statements = await Task.WhenAll(dialogue.Value.Statements.Select(s => Statement(s.Id).GetSnapshotAsync(dialogue)));
        return new RoomSnapshot(dialogue.Value, [.. statements.Select(s => s.Value)]);
    }

    /// <summary>Each stream of the dialogue at its current version, from a room snapshot: a statement not yet created is at 0.</summary>
    public static ImmutableDictionary<string, long> VersionsOf(RoomSnapshot snapshot) =>
        snapshot.Statements
            .Select(s => KeyValuePair.Create(StreamIds.Statement(s.State.Id), s.Version))
            .Prepend(KeyValuePair.Create(StreamIds.Dialogue(snapshot.Dialogue.Id), snapshot.Dialogue.Version))
            .ToImmutableDictionary();

    /// <summary>The session the dialogue was created with, for signing its convener in.</summary>
    public async Task<SessionClaim> FoundingSessionAsync(Guid dialogueId)
    {
        var session = (await GetSessionsAsync(dialogueId)).Sessions.Values.Where(s => s.InviteHash is null).MinBy(s => s.StartedAt)!;
        return new SessionClaim(dialogueId, session.Id, session.ParticipantId, null);
    }

    /// <summary>A new session for a member whose organiser account the caller has checked; null when the dialogue refuses it.</summary>
    public async Task<SessionClaim?> StartAccountSessionAsync(Guid dialogueId, Guid participantId)
    {
        var sessionId = Guid.NewGuid();
        var outcome = await Sessions(dialogueId).ExecuteAsync(new StartAccountSession(sessionId), participantId);
        return outcome.Accepted ? new SessionClaim(dialogueId, sessionId, participantId, null) : null;
    }

    /// <summary>Every session of the dialogue, to check the one a caller names.</summary>
    public async Task<DialogueSessionsState> GetSessionsAsync(Guid dialogueId) => (await Sessions(dialogueId).GetStateAsync()).Value;

    public Task<CommandOutcome> ExecuteAsync(Guid dialogueId, SessionCommand command, Guid actor) => Sessions(dialogueId).ExecuteAsync(command, actor);

    /// <summary>Registers a person's participant stream (once) and records that she joined a dialogue.</summary>
    public async Task RegisterAsync(Guid participantId, string displayName, string? affiliation, Guid dialogueId, Role role)
    {
        var participant = grains.GetGrain<IParticipantGrain>(participantId);
        if (!(await participant.GetStateAsync()).Value.Exists)
            await participant.ExecuteAsync(new RegisterParticipant(displayName, affiliation));
        await participant.ExecuteAsync(new JoinDialogue(dialogueId, role));
    }

    private async Task<StatementRef?> FindStatementRefAsync(Guid dialogueId, Guid statementId) =>
        (await GetDialogueAsync(dialogueId))?.Statements.FirstOrDefault(s => s.Id == statementId);

    private IDialogueGrain Dialogue(Guid id) => grains.GetGrain<IDialogueGrain>(id);

    private IStatementGrain Statement(Guid id) => grains.GetGrain<IStatementGrain>(id);

    private ISessionsGrain Sessions(Guid dialogueId) => grains.GetGrain<ISessionsGrain>(dialogueId);

    /// <summary>Clients may leave new ids empty; the server picks them so retries can also send their own.</summary>
    private static DialogueCommand WithIds(DialogueCommand command) => command switch
    {
        AddAgendaItem { Item.Id: var id } c when id == Guid.Empty => c with { Item = c.Item with { Id = Guid.NewGuid() } },
        _ => command,
    };

    private static StatementCommand WithIds(StatementCommand command) => command switch
    {
        ProposeClause { ClauseId: var id } c when id == Guid.Empty => c with { ClauseId = Guid.NewGuid() },
        ProposeAmendment { AmendmentId: var id } c when id == Guid.Empty => c with { AmendmentId = Guid.NewGuid() },
        _ => command,
    };

    /// <summary>Members to add in bulk, each with a fresh participant id when none was given.</summary>
    public static ImmutableArray<Member> WithParticipantIds(IEnumerable<Member> members) =>
        [.. members.Select(m => m.ParticipantId == Guid.Empty ? m with { ParticipantId = Guid.NewGuid() } : m)];
}
