using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Client.Api;
using Deliberation.Contracts.Events;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Room;

/// <summary>
/// What the client holds of one dialogue: the views from the last snapshot, evolved by the events
/// that arrive with the domain's own <c>Apply</c>, the consensus figures as the server pushes them,
/// and the version held of each stream. Pure: no I/O, so the arithmetic of versions and gaps is
/// testable without a server. Not thread-safe: Blazor WebAssembly has one thread.
/// </summary>
public sealed class RoomState(Guid dialogueId)
{
    private readonly Dictionary<string, long> versions = [];
    private readonly Dictionary<Guid, StatementView> statements = [];
    private readonly Dictionary<Guid, StatementConsensus> consensus = [];
    private readonly Dictionary<Guid, DraftPreviewView> previews = [];
    private readonly Dictionary<Guid, StaleReminderView> reminders = [];

    public Guid DialogueId { get; } = dialogueId;

    public DialogueView? Dialogue { get; private set; }

    public PresenceView? Presence { get; set; }

    /// <summary>The server's last word on the dialogue's history: whole, or which stream breaks where (the room's banner).</summary>
    public HistoryIntegrityView History { get; set; } = HistoryIntegrityView.Whole;

    public Guid Me => Dialogue?.You.ParticipantId ?? Guid.Empty;

    /// <summary>Statements in the dialogue's order.</summary>
    public IReadOnlyList<StatementView> Statements =>
        Dialogue is null ? [] : [.. Dialogue.Statements.Select(s => statements.GetValueOrDefault(s.Id)).OfType<StatementView>()];

    public StatementView? StatementOrNull(Guid id) => statements.GetValueOrDefault(id);

    public StatementConsensus? ConsensusOrNull(Guid statementId) => consensus.GetValueOrDefault(statementId);

    public ClauseConsensus? ConsensusOf(Guid statementId, Guid clauseId) =>
        consensus.GetValueOrDefault(statementId)?.Clauses.FirstOrDefault(c => c.ClauseId == clauseId && c.OptionId is null);

    /// <summary>Live previews of uncommitted text, newest per clause.</summary>
    public DraftPreviewView? PreviewOf(Guid clauseId) => previews.GetValueOrDefault(clauseId);

    /// <summary>The versions held, as JoinDialogue and CatchUp take them.</summary>
    public Dictionary<string, long?> Seen() => versions.ToDictionary(v => v.Key, v => (long?)v.Value);

    public long VersionOf(string streamId) => versions.GetValueOrDefault(streamId);

    public bool HasSnapshot => Dialogue is not null;

    public void LoadSnapshot(JoinSnapshot snapshot, IReadOnlyDictionary<string, long> streamVersions)
    {
        versions.Clear();
        statements.Clear();
        consensus.Clear();
        Dialogue = snapshot.Dialogue;
        versions[StreamIds.Dialogue(DialogueId)] = snapshot.Dialogue.Version;
        foreach (var statement in snapshot.Statements)
        {
            statements[statement.Id] = statement;
            versions[StreamIds.Statement(statement.Id)] = statement.Version;
        }
        foreach (var figures in snapshot.Consensus)
            consensus[figures.StatementId] = figures;
        // The join reports each stream's version; views may lag a moment behind it, never lead.
        foreach (var (stream, version) in streamVersions)
            if (!versions.ContainsKey(stream))
                versions[stream] = 0;
    }

    /// <summary>Replaces one statement with what the server sent (after a refetch).</summary>
    public void ReplaceStatement(StatementView view)
    {
        var stream = StreamIds.Statement(view.Id);
        if (view.Version < versions.GetValueOrDefault(stream) && statements.ContainsKey(view.Id))
            return;
        statements[view.Id] = view;
        versions[stream] = view.Version;
    }

    public void ReplaceDialogue(DialogueView view)
    {
        if (Dialogue is not null && view.Version < Dialogue.Version)
            return;
        Dialogue = view;
        versions[StreamIds.Dialogue(DialogueId)] = view.Version;
    }

    public void ReplaceConsensus(StatementConsensus figures)
    {
        if (consensus.TryGetValue(figures.StatementId, out var held) && held.Version > figures.Version)
            return;
        consensus[figures.StatementId] = figures;
    }

    /// <summary>
    /// Merges pushed figures: the clauses named replace the ones held, others stay; a pending mark
    /// sets "changes pending" on the release held for its clause (the server sends one only when that
    /// release is the one it last sent, so the figures held are the ones it would send again).
    /// </summary>
    public void MergeConsensus(ConsensusUpdate update)
    {
        if (!consensus.TryGetValue(update.StatementId, out var held))
        {
            consensus[update.StatementId] = new StatementConsensus(update.StatementId, update.Version, null, update.HasConsensus, [.. update.Clauses]);
            return;
        }
        var byId = update.Clauses.ToDictionary(c => c.ClauseId);
        var pending = (update.Pending ?? []).ToDictionary(p => p.ClauseId, p => p.ChangesPending);
        var merged = held.Clauses
            .Select(c => byId.Remove(c.ClauseId, out var fresh) ? fresh : c)
            .Select(c => c.Release is { } release && pending.TryGetValue(c.ClauseId, out var changesPending) ? c with { Release = release with { ChangesPending = changesPending } } : c)
            .Concat(byId.Values);
        consensus[update.StatementId] = held with { Version = Math.Max(held.Version, update.Version), HasConsensus = update.HasConsensus, Clauses = [.. merged] };
    }

    /// <summary>
    /// Holds a live preview — unless it was drafted on a revision the clause has already left: the
    /// drafter's last keystrokes can arrive after her commit, and would show the room a stale
    /// "not yet committed" box under the committed text.
    /// </summary>
    public void SetPreview(DraftPreviewView preview)
    {
        var clause = statements.GetValueOrDefault(preview.StatementId)?.Clauses.FirstOrDefault(c => c.Id == preview.ClauseId);
        if (clause is not null && preview.BaseRevision < clause.Revision)
            return;
        previews[preview.ClauseId] = preview;
    }

    /// <summary>Reminders the chair sent this delegate, newest per clause, until she dismisses them.</summary>
    public IReadOnlyList<StaleReminderView> Reminders => [.. reminders.Values.OrderBy(r => r.ClauseNumber)];

    public void AddReminder(StaleReminderView reminder) => reminders[reminder.ClauseId] = reminder;

    public void DismissReminder(Guid clauseId) => reminders.Remove(clauseId);

    /// <summary>
    /// Applies one stream's pushed events in version order. Events already held are skipped (a
    /// join may deliver one twice); a missing version stops the stream there and is reported as a
    /// gap, for the caller to catch up. <c>Hidden</c> placeholders only advance the version.
    /// </summary>
    public ApplyOutcome Apply(string streamId, IEnumerable<JsonObject> events)
    {
        var held = versions.GetValueOrDefault(streamId);
        var fresh = new List<(DomainEvent Event, EventMeta Meta)>();
        var gap = false;
        foreach (var json in events.OrderBy(VersionOf))
        {
            var version = VersionOf(json);
            if (version <= held)
                continue;
            if (version > held + 1)
            {
                gap = true;
                break;
            }
            held = version;
            var type = (string?)json["type"];
            if (type is null or RenderedEvent.HiddenType)
                continue;
            try
            {
                fresh.Add((DomainJson.DeserializeEvent(type, json.ToJsonString()), MetaOf(json, version)));
            }
            catch (JsonException)
            {
                // An event this client does not know: refetch the stream's view instead.
                return Evolve(streamId, fresh, held) with { Gap = gap, NeedsRefetch = true };
            }
        }
        return Evolve(streamId, fresh, held) with { Gap = gap };
    }

    private ApplyOutcome Evolve(string streamId, List<(DomainEvent Event, EventMeta Meta)> fresh, long held)
    {
        var outcome = new ApplyOutcome(streamId, fresh.Count, false, false, false, []);
        if (streamId == StreamIds.Dialogue(DialogueId))
        {
            if (Dialogue is null)
                return outcome with { NeedsRefetch = true };
            try
            {
                var state = fresh.Aggregate(ViewMapping.ToState(Dialogue), (s, e) => Domain.Dialogues.Dialogue.Apply(s, (DialogueEvent)e.Event, e.Meta));
                Dialogue = ViewMapping.ToView(state, Dialogue.You);
                versions[streamId] = held;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidCastException or KeyNotFoundException)
            {
                return outcome with { NeedsRefetch = true };
            }
            var added = fresh.Select(e => e.Event).OfType<StatementAdded>().Select(a => a.Statement.Id).ToImmutableArray();
            var basisMoved = fresh.Any(e => e.Event is DimensionsDefined or ConsensusRulesChanged or MemberAdded or MemberUpdated or MemberRemoved);
            foreach (var id in added)
                versions.TryAdd(StreamIds.Statement(id), 0);
            return outcome with { NewStatements = added, ConsensusBasisMoved = basisMoved };
        }

        if (!StreamIds.TryStatementId(streamId, out var statementId))
            return outcome;
        try
        {
            var start = statements.TryGetValue(statementId, out var view) ? ViewMapping.ToState(view, Me) : StatementState.Initial(statementId);
            var state = fresh.Aggregate(start, (s, e) => Statement.Apply(s, (StatementEvent)e.Event, e.Meta));
            if (state.Exists)
                statements[statementId] = ViewMapping.ToView(state, Me);
            versions[streamId] = held;
            foreach (var revised in fresh.Select(e => e.Event).OfType<ClauseRevised>())
                if (previews.TryGetValue(revised.ClauseId, out var preview) && preview.BaseRevision < revised.Revision)
                    previews.Remove(revised.ClauseId);
            foreach (var (e, meta) in fresh)
                if (e is FiguresReleased released)
                    ShowRelease(statementId, released, meta);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or KeyNotFoundException or ArgumentException)
        {
            return outcome with { NeedsRefetch = true };
        }
        return outcome;
    }

    /// <summary>
    /// A release viewer's figures follow a release from its event, which she is pushed whole: the
    /// server does not send the same figures again, only what moved beyond them (docs/api.md,
    /// "Releases and the room's view"). Only figures held as releases are replaced — a live viewer's
    /// are the live ones — and never by an older release than the one held.
    /// </summary>
    private void ShowRelease(Guid statementId, FiguresReleased released, EventMeta meta)
    {
        if (!consensus.TryGetValue(statementId, out var held))
            return;
        var releases = released.Clauses.ToDictionary(r => r.ClauseId);
        bool Follows(ClauseConsensus c) => c.Release is { } view && view.StatementVersion < meta.Version && releases.ContainsKey(c.ClauseId);
        if (!held.Clauses.Any(Follows))
            return;
        var shown = held.Clauses.Select(c => Follows(c) ? Disclosure.AsShown(releases[c.ClauseId], meta.Version, meta.OccurredAt, released.Trigger) : c).ToImmutableArray();
        consensus[statementId] = held with { Version = Math.Max(held.Version, meta.Version), HasConsensus = ConsensusCalculator.HasConsensus(shown), Clauses = shown };
    }

    private static long VersionOf(JsonObject json) =>
        json["version"] is JsonValue v && long.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0;

    private static EventMeta MetaOf(JsonObject json, long version)
    {
        var at = json["occurredAt"] is JsonValue o && o.TryGetValue<DateTimeOffset>(out var occurred) ? occurred : DateTimeOffset.UtcNow;
        var actor = json["actor"] is JsonValue a && a.TryGetValue<string>(out var text) && Guid.TryParse(text, out var who) ? who : Guid.Empty;
        return new EventMeta(version, at, actor);
    }
}

/// <summary>
/// What applying a batch did: how many events it took, whether a version was missing (catch up),
/// whether the view must be refetched, and which new statements appeared.
/// </summary>
public sealed record ApplyOutcome(string StreamId, int Applied, bool Gap, bool NeedsRefetch, bool ConsensusBasisMoved, ImmutableArray<Guid> NewStatements);
