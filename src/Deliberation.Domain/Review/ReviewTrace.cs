using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Review;

/// <summary>
/// One statement's history read once, event by event, for its review (docs/domain.md, "Review"): the
/// key moments, and each clause's standing whenever it changed — once as the live figures showed it
/// (kept current by a <see cref="ConsensusTracker"/>, so a position costs O(groups), not a recount)
/// and once as the releases showed it. <see cref="Advance"/> reads only the events it has not read,
/// so a growing dialogue is followed, not read again. Not thread-safe: one caller at a time.
/// </summary>
/// <remarks>
/// Positions on the statement's clauses are taken in place (<see cref="PositionRun"/>) while nothing else comes
/// between them, and the state is built from them only when it is read or another event comes: the tracker and
/// the standings need only the position each replaces (docs/performance.md, "Session 17: the review trace's
/// pass takes positions in place").
/// </remarks>
/// <param name="folded">Told the index of each event read and how to have the state after it, e.g. to keep checkpoints (<see cref="ScopeReplay.Offer"/>).</param>
/// <param name="partSize">How many events a stored part of the trace holds (<see cref="StoredReviewTrace"/>).</param>
public sealed class ReviewTrace(Guid dialogueId, Guid statementId, Action<int, Func<ScopeState>>? folded = null, int partSize = ReviewTracePart.DefaultSize)
{
    private ScopeState state = ScopeState.Initial(dialogueId);
    // Positions on the statement taken since the state was last built; none while other events come.
    private PositionRun? run;
    private Func<ScopeState>? settled;
    private ConsensusTracker? tracker;
    private readonly Dictionary<Guid, ClauseStanding> lastLive = [];
    private readonly Dictionary<Guid, ClauseStanding> lastReleased = [];
    private readonly Dictionary<Guid, int> proposals = [];
    private readonly Dictionary<Guid, int> decisions = [];
    private readonly Dictionary<(Guid Clause, int Revision), int> revisions = [];
    // The events a moment or a standing was recorded at: enough to tell who may see it and who acted
    // without the whole history (a timeline after a start reads only these and the events since).
    private readonly Dictionary<int, ScopeEvent> marked = [];
    // Each stream's last version read (the dialogue's under its own id), to tell a late commit from the next event.
    private readonly Dictionary<Guid, long> streamVersions = [];
    // The position of the last event of each whole part read (partSize events each), which names the part when stored.
    private readonly List<long> partEnds = [];
    private readonly int partSize = partSize > 0 ? partSize : throw new ArgumentOutOfRangeException(nameof(partSize));

    public Guid StatementId => statementId;

    /// <summary>How many events of the scope have been read.</summary>
    public int Read { get; private set; }

    /// <summary>The position of the last event read; 0 before any.</summary>
    public long LastPosition { get; private set; }

    /// <summary>The dialogue and its statements after the events read.</summary>
    public ScopeState State => Settled();

    public ImmutableList<KeyMoment> Moments { get; private set; } = [];

    public ImmutableList<ClauseStanding> Live { get; private set; } = [];

    public ImmutableList<ClauseStanding> Released { get; private set; } = [];

    public ImmutableList<ClauseStanding> Standings(FiguresSeen seen) => seen == FiguresSeen.Live ? Live : Released;

    /// <summary>The index of the event that proposed an amendment.</summary>
    public int? ProposedAt(Guid amendmentId) => proposals.TryGetValue(amendmentId, out var i) ? i : null;

    /// <summary>The index of the event that accepted or declined an amendment.</summary>
    public int? DecidedAt(Guid amendmentId) => decisions.TryGetValue(amendmentId, out var i) ? i : null;

    /// <summary>The index of the event that made a clause's revision (1: the clause added).</summary>
    public int? RevisedAt(Guid clauseId, int revision) => revisions.TryGetValue((clauseId, revision), out var i) ? i : null;

    /// <summary>The event at <paramref name="index"/>, for any index a moment or a standing names.</summary>
    public ScopeEvent EventAt(int index) => marked[index];

    /// <summary>The last version read of a statement's stream, or (null) of the dialogue's; 0 before any.</summary>
    public long VersionOf(Guid? statementId) => streamVersions.GetValueOrDefault(statementId ?? dialogueId);

    /// <summary>Reads the events of <paramref name="events"/> not read yet (the scope from its start).</summary>
    public void Advance(IReadOnlyList<ScopeEvent> events, int from)
    {
        if (from != Read)
            throw new ArgumentException($"The trace has read {Read} events; the next batch must start there, not at {from}.", nameof(from));
        for (var i = 0; i < events.Count; i++)
        {
            var recorded = Moments.Count + Live.Count + Released.Count;
            Observe(Read + i, events[i]);
            if (Moments.Count + Live.Count + Released.Count != recorded)
                marked[Read + i] = events[i];
            streamVersions[events[i].StatementId ?? dialogueId] = events[i].Meta.Version;
            if ((Read + i + 1) % partSize == 0)
                partEnds.Add(events[i].Position);
            folded?.Invoke(Read + i, settled ??= Settled);
        }
        Read += events.Count;
        if (events.Count > 0)
            LastPosition = events[^1].Position;
    }

    /// <summary>What the trace has read so far, to be stored and <see cref="Restore"/>d (immutable: safe to hand to another thread).</summary>
    public ReviewTraceSnapshot Snapshot() => new(
        dialogueId, statementId, Read, LastPosition, Settled(), Moments, Live, Released,
        proposals.ToImmutableDictionary(), decisions.ToImmutableDictionary(),
        [.. revisions.Select(r => new RevisionMade(r.Key.Clause, r.Key.Revision, r.Value))],
        marked.ToImmutableDictionary(), streamVersions.ToImmutableDictionary(), partSize, [.. partEnds]);

    /// <summary>
    /// The trace <paramref name="snapshot"/> was taken of, ready to read on. Its live tracker is not
    /// stored: the first event of the statement read after restoring starts one from the state, which
    /// counts exactly what the tracker would have kept, as the statement grain does when it activates.
    /// </summary>
    public static ReviewTrace Restore(ReviewTraceSnapshot snapshot, Action<int, Func<ScopeState>>? folded = null)
    {
        var trace = new ReviewTrace(snapshot.DialogueId, snapshot.StatementId, folded, snapshot.PartSize)
        {
            // A stored trace's statements read back with each table numbered on its own: on one again, so positions go on in place.
            state = snapshot.State with { Statements = snapshot.State.Statements.ToImmutableDictionary(s => s.Key, s => Statement.NumberedAsOne(s.Value)) },
            Read = snapshot.Read,
            LastPosition = snapshot.LastPosition,
            Moments = snapshot.Moments,
            Live = snapshot.Live,
            Released = snapshot.Released,
        };
        foreach (var standing in snapshot.Live)
            trace.lastLive[standing.ClauseId] = standing;
        foreach (var standing in snapshot.Released)
            trace.lastReleased[standing.ClauseId] = standing;
        foreach (var (amendment, index) in snapshot.Proposals)
            trace.proposals[amendment] = index;
        foreach (var (amendment, index) in snapshot.Decisions)
            trace.decisions[amendment] = index;
        foreach (var made in snapshot.Revisions)
            trace.revisions[(made.ClauseId, made.Revision)] = made.Index;
        foreach (var (index, e) in snapshot.Marked)
            trace.marked[index] = e;
        foreach (var (stream, version) in snapshot.StreamVersions)
            trace.streamVersions[stream] = version;
        trace.partEnds.AddRange(snapshot.PartEnds);
        return trace;
    }

    private void Observe(int index, ScopeEvent e)
    {
        if (TookInPlace(index, e))
            return;
        Settled();
        switch (e.Event)
        {
            case DialogueEvent d:
                var basisBefore = state.Dialogue.ConsensusBasisVersion;
                state = state.Apply(e);
                if (d is PhaseChanged p)
                    Moments = Moments.Add(new KeyMoment(index, MomentKind.Phase, null, $"Phase: {p.From} → {p.To}", null, e.Meta.Actor,
                        Phrase: MomentPhrase.Of(MomentPhraseKeys.Phase, null, p.From.ToString(), p.To.ToString())));
                if (state.Dialogue.ConsensusBasisVersion != basisBefore)
                    RecountAll(index);
                break;
            case StatementEvent s when e.StatementId == statementId:
                var before = state.Statement(statementId);
                state = state.Apply(e);
                var after = state.Statement(statementId);
                if (tracker is null || tracker.BasisVersion != state.Dialogue.ConsensusBasisVersion)
                    tracker = ConsensusTracker.Start(state.Dialogue, after);
                else
                    tracker.Observe(before, s, after);
                Note(index, e, s, before, after);
                foreach (var clauseId in LiveFiguresMoved(s))
                    RecordLive(index, clauseId, after);
                RosterIndex? roster = null;
                foreach (var clauseId in ReleasedFiguresMoved(s))
                    RecordReleased(index, clauseId, after, roster ??= RosterIndex.Of(state.Dialogue));
                break;
            default:
                state = state.Apply(e);
                break;
        }
    }

    /// <summary>
    /// A position on one of the statement's clauses, taken in place: counted by the tracker from the position it
    /// replaces, and its standing recorded if it moved, as the full way below would. False for anything else, or
    /// a position the run does not take (an option's; before the tracker counts on the dialogue as it stands).
    /// </summary>
    private bool TookInPlace(int index, ScopeEvent e)
    {
        if (e.Event is not PositionTaken { OptionId: null } p || e.StatementId != statementId
            || tracker is not { } counting || counting.BasisVersion != state.Dialogue.ConsensusBasisVersion)
            return false;
        run ??= new PositionRun(state.Statement(statementId));
        if (!run.TryTake(p, e.Meta, out var previous))
            return false;
        counting.ObservePosition(run.Start.Clauses[p.ClauseId], p, previous, e.Meta.Version);
        RecordLive(index, p.ClauseId, run.Start);
        return true;
    }

    /// <summary>The state with the positions taken in place built into it.</summary>
    private ScopeState Settled()
    {
        if (run is { } taken)
        {
            run = null;
            if (!taken.IsEmpty)
                state = state with { Statements = state.Statements.SetItem(statementId, taken.Build()) };
        }
        return state;
    }

    private void RecountAll(int index)
    {
        var statement = state.Statement(statementId);
        if (!statement.Exists)
            return;
        if (statement.ClauseOrder.IsEmpty)
        {
            // Nothing to count yet: the tracker starts at the statement's next event. An import adds its
            // 33,000 members before its clauses, and a tracker started at each of them, each indexing the
            // whole roster, made its trace take minutes (docs/performance.md, "Session 15: the snapshot SQLite spelled out").
            tracker = null;
            return;
        }
        tracker = ConsensusTracker.Start(state.Dialogue, statement);
        var roster = new RosterIndex(state.Dialogue);
        foreach (var clauseId in statement.ClauseOrder)
        {
            RecordLive(index, clauseId, statement);
            RecordReleased(index, clauseId, statement, roster);
        }
    }

    private static IEnumerable<Guid> LiveFiguresMoved(StatementEvent e) => e switch
    {
        PositionTaken p => [p.ClauseId],
        RangeStated r => [r.ClauseId],
        ClauseAdded a => [a.ClauseId],
        ClauseRevised r => [r.ClauseId],
        ClauseWithdrawn w => [w.ClauseId],
        _ => [],
    };

    // A position moves no released figure (only "changes pending", which is not a standing).
    private static IEnumerable<Guid> ReleasedFiguresMoved(StatementEvent e) => e switch
    {
        FiguresReleased f => f.Clauses.Select(c => c.ClauseId),
        ClauseAdded a => [a.ClauseId],
        ClauseRevised r => [r.ClauseId],
        ClauseWithdrawn w => [w.ClauseId],
        _ => [],
    };

    private void RecordLive(int index, Guid clauseId, StatementState statement)
    {
        if (tracker is null || !statement.Clauses.ContainsKey(clauseId))
            return;
        Record(index, clauseId, statement, tracker.Clause(clauseId), lastLive, standing => Live = Live.Add(standing));
    }

    /// <param name="roster">The dialogue's roster indexed once for all the clauses an event moves: indexing it is as long as the roster.</param>
    private void RecordReleased(int index, Guid clauseId, StatementState statement, RosterIndex roster)
    {
        if (statement.ClauseOrNull(clauseId) is not { } clause)
            return;
        var figures = Disclosure.Released(clause, state.Dialogue, roster);
        Record(index, clauseId, statement, figures, lastReleased, standing => Released = Released.Add(standing));
    }

    private static void Record(int index, Guid clauseId, StatementState statement, ClauseConsensus figures, Dictionary<Guid, ClauseStanding> last, Action<ClauseStanding> add)
    {
        var previous = last.GetValueOrDefault(clauseId);
        // Most positions move a share, not a status: checked without building the standing.
        if (previous is not null && previous.SameStandingAs(figures))
            return;
        var (rows, needs, zone, best) = ClauseStanding.Of(figures);
        var (summary, detail) = Describe(Label(statement, clauseId), previous, rows, zone);
        var (phrase, detailPhrase) = Phrase(Place(statement, clauseId), previous, rows, zone);
        var standing = new ClauseStanding(index, clauseId, rows, needs, zone, best, summary, detail, phrase, detailPhrase);
        last[clauseId] = standing;
        add(standing);
    }

    private static (string Summary, string? Detail) Describe(string clause, ClauseStanding? previous, ImmutableArray<RowStanding> rows, ImmutableArray<ValueInterval> zone)
    {
        if (previous is null)
            return ($"{clause}: {Word(rows[0].Status)}", GroupsLine(rows.Skip(1)));
        var changes = new List<string>();
        var before = previous.Rows.ToDictionary(r => (r.Dimension, r.Group));
        foreach (var row in rows.Skip(1))
            if (!before.TryGetValue((row.Dimension, row.Group), out var old) || old.Status != row.Status)
                changes.Add($"{row.Name}: {(old is null ? "new" : Word(old.Status))} → {Word(row.Status)}");
        if (!previous.Zone.SequenceEqual(zone))
            changes.Add($"zone of agreement: {ZoneLine(previous.Zone)} → {ZoneLine(zone)}");
        var summary = previous.Status != rows[0].Status
            ? $"{clause}: {Word(previous.Status)} → {Word(rows[0].Status)}"
            : $"{clause}: {(changes.Count == 1 ? changes[0] : $"{changes.Count} changes")}";
        return (summary, changes.Count == 0 ? null : string.Join("; ", changes));
    }

    // The same sentences as data (MomentPhrase), for readers of other languages; Describe is their English.
    private static (MomentPhrase Summary, MomentPhrase? Detail) Phrase(int? clause, ClauseStanding? previous, ImmutableArray<RowStanding> rows, ImmutableArray<ValueInterval> zone)
    {
        if (previous is null)
        {
            var groups = rows.Skip(1).Select(g => new GroupStatusChange(g.Name, null, g.Status)).ToImmutableArray();
            return (MomentPhrase.Of(MomentPhraseKeys.StatusFirst, clause, rows[0].Status.ToString()),
                groups.IsEmpty ? null : new MomentPhrase(MomentPhraseKeys.GroupStatuses, clause, [], groups, null));
        }
        var before = previous.Rows.ToDictionary(r => (r.Dimension, r.Group));
        var changes = rows.Skip(1)
            .Select(row => (row, old: before.GetValueOrDefault((row.Dimension, row.Group))))
            .Where(p => p.old is null || p.old.Status != p.row.Status)
            .Select(p => new GroupStatusChange(p.row.Name, p.old?.Status, p.row.Status))
            .ToImmutableArray();
        var zoneChange = previous.Zone.SequenceEqual(zone) ? null : new ZoneChange(previous.Zone.IsDefault ? [] : previous.Zone, zone.IsDefault ? [] : zone);
        var count = changes.Length + (zoneChange is null ? 0 : 1);
        var detail = count == 0 ? null : new MomentPhrase(MomentPhraseKeys.Changes, clause, [], changes, zoneChange);
        var summary = previous.Status != rows[0].Status
            ? MomentPhrase.Of(MomentPhraseKeys.StatusChanged, clause, previous.Status.ToString(), rows[0].Status.ToString())
            : count == 1
                ? new MomentPhrase(MomentPhraseKeys.StatusOneChange, clause, [], changes, zoneChange)
                : MomentPhrase.Of(MomentPhraseKeys.StatusChanges, clause, count.ToString(CultureInfo.InvariantCulture));
        return (summary, detail);
    }

    // The English words for a status, as ReaderWords.resx reads them (its test holds them equal).
    private static string Word(ClauseStatus status) => status == ClauseStatus.NearConsensus ? "Near consensus" : status.ToString();

    private static string? GroupsLine(IEnumerable<RowStanding> groups)
    {
        var line = string.Join("; ", groups.Select(g => $"{g.Name}: {Word(g.Status)}"));
        return line.Length == 0 ? null : line;
    }

    private static string ZoneLine(ImmutableArray<ValueInterval> zone) =>
        zone.IsDefaultOrEmpty ? "none" : string.Join(", ", zone.Select(z => string.Create(CultureInfo.InvariantCulture, $"{z.From}–{z.To}")));

    /// <summary>How people name a clause: by its place in the statement.</summary>
    public static string Label(StatementState statement, Guid clauseId)
    {
        var place = statement.ClauseOrder.IndexOf(clauseId);
        return place < 0 ? "A clause" : $"Clause {(place + 1).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A clause's place in the statement, counted from 1; null where it has none.</summary>
    public static int? Place(StatementState statement, Guid clauseId) =>
        statement.ClauseOrder.IndexOf(clauseId) is var place and >= 0 ? place + 1 : null;

    private void Note(int index, ScopeEvent e, StatementEvent s, StatementState before, StatementState after)
    {
        var actor = e.Meta.Actor;
        KeyMoment Moment(MomentKind kind, Guid? clauseId, string summary, MomentPhrase phrase, string? detail = null, int? revision = null) =>
            new(index, kind, clauseId, summary, detail, actor, revision, phrase);
        MomentPhrase Says(string key, Guid? clauseId, StatementState placed, params string[] args) =>
            MomentPhrase.Of(key, clauseId is { } id ? Place(placed, id) : null, args);
        switch (s)
        {
            case ClauseAdded a:
                revisions[(a.ClauseId, 1)] = index;
                Moments = Moments.Add(Moment(MomentKind.ClauseAdded, a.ClauseId, $"{Label(after, a.ClauseId)} added", Says(MomentPhraseKeys.ClauseAdded, a.ClauseId, after), a.Text, 1));
                break;
            case ClauseRevised r:
                revisions[(r.ClauseId, r.Revision)] = index;
                var kind = r.ResolvedOptionId is not null ? MomentKind.BracketResolved
                    : r.Kind == RevisionKind.Substantive ? MomentKind.RevisionSubstantive : MomentKind.RevisionEditorial;
                var summary = kind switch
                {
                    MomentKind.BracketResolved => $"{Label(after, r.ClauseId)}: bracket resolved (option {r.ResolvedOptionId})",
                    MomentKind.RevisionSubstantive => $"{Label(after, r.ClauseId)} revised (substantive), revision {r.Revision}",
                    _ => $"{Label(after, r.ClauseId)} revised (editorial), revision {r.Revision}",
                };
                var phrase = kind switch
                {
                    MomentKind.BracketResolved => Says(MomentPhraseKeys.BracketResolved, r.ClauseId, after, r.ResolvedOptionId ?? ""),
                    MomentKind.RevisionSubstantive => Says(MomentPhraseKeys.RevisedSubstantive, r.ClauseId, after, r.Revision.ToString(CultureInfo.InvariantCulture)),
                    _ => Says(MomentPhraseKeys.RevisedEditorial, r.ClauseId, after, r.Revision.ToString(CultureInfo.InvariantCulture)),
                };
                Moments = Moments.Add(Moment(kind, r.ClauseId, summary, phrase, r.Rationale, r.Revision));
                break;
            case AmendmentProposed p:
                proposals[p.AmendmentId] = index;
                break;
            case AmendmentAccepted accepted when after.Amendments.GetValueOrDefault(accepted.AmendmentId) is { } amendment:
                decisions[accepted.AmendmentId] = index;
                Moments = Moments.Add(Moment(MomentKind.AmendmentDecided, amendment.ClauseId, $"{Label(after, amendment.ClauseId)}: amendment accepted",
                    Says(MomentPhraseKeys.AmendmentAccepted, amendment.ClauseId, after), accepted.Reason));
                break;
            case AmendmentDeclined declined when after.Amendments.GetValueOrDefault(declined.AmendmentId) is { } amendment:
                decisions[declined.AmendmentId] = index;
                Moments = Moments.Add(Moment(MomentKind.AmendmentDecided, amendment.ClauseId, $"{Label(after, amendment.ClauseId)}: amendment declined",
                    Says(MomentPhraseKeys.AmendmentDeclined, amendment.ClauseId, after), declined.Reason));
                break;
            case FiguresReleased f:
                foreach (var release in f.Clauses)
                    Moments = Moments.Add(Moment(MomentKind.Release, release.ClauseId,
                        $"{Label(after, release.ClauseId)}: figures released ({f.Trigger})", Says(MomentPhraseKeys.FiguresReleased, release.ClauseId, after, f.Trigger.ToString()),
                        release.Notes.IsDefaultOrEmpty ? null : string.Join(" · ", release.Notes)));
                break;
            case ClauseWithdrawn w:
                Moments = Moments.Add(Moment(MomentKind.Withdrawal, w.ClauseId, $"{Label(before, w.ClauseId)} withdrawn", Says(MomentPhraseKeys.ClauseWithdrawn, w.ClauseId, before), w.Reason));
                break;
            case StatementFrozen frozen:
                Moments = Moments.Add(Moment(MomentKind.Freeze, null, "Statement frozen", Says(MomentPhraseKeys.StatementFrozen, null, after), frozen.Hash));
                break;
            case StatementSigned signed:
                Moments = Moments.Add(Moment(MomentKind.Signature, null, $"Signed by {signed.Name}", Says(MomentPhraseKeys.Signed, null, after, signed.Name), signed.TextHash));
                break;
            case SignatureWithdrawn withdrawn:
                Moments = Moments.Add(Moment(MomentKind.Signature, null, "A signature withdrawn", Says(MomentPhraseKeys.SignatureWithdrawn, null, after), withdrawn.Reason));
                break;
        }
    }
}
