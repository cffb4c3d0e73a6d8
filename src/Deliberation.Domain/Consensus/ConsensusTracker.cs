using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Keeps a statement's consensus current as its events arrive. A position change moves one voter
/// between buckets in her groups and re-evaluates that clause only: O(groups), not O(dialogue).
/// Start a new tracker when the roster or rules change (a new <see cref="DialogueState.ConsensusBasisVersion"/>).
/// </summary>
public sealed class ConsensusTracker
{
    private readonly RosterIndex roster;
    private readonly ConsensusRules rules;
    private readonly Dictionary<Guid, Entry> entries = [];
    private ImmutableList<Guid> order;
    private int unsettled;
    private long version;

    private ConsensusTracker(DialogueState dialogue, StatementState statement)
    {
        roster = new RosterIndex(dialogue);
        rules = dialogue.Rules;
        order = statement.ClauseOrder;
        version = statement.Version;
        StatementId = statement.Id;
        roster.VotersBySlot(statement.Slots); // as in ConsensusCalculator.Compute: one map for the clauses that share it
        foreach (var clause in statement.Clauses.Values)
            Rebuild(clause);
    }

    public Guid StatementId { get; }

    /// <summary>The dialogue's <see cref="DialogueState.ConsensusBasisVersion"/> this tracker counts on.</summary>
    public long BasisVersion { get; private init; }

    /// <summary>The statement version this tracker has counted up to; a stream that moved past it without the tracker needs a new one.</summary>
    public long StatementVersion => version;

    public bool HasConsensus => unsettled == 0 && entries.Values.Any(e => e.Status != ClauseStatus.Withdrawn);

    public static ConsensusTracker Start(DialogueState dialogue, StatementState statement) =>
        new(dialogue, statement) { BasisVersion = dialogue.ConsensusBasisVersion };

    /// <summary>Takes one applied event into account, given the statement just before and just after it.</summary>
    public void Observe(StatementState before, StatementEvent e, StatementState after)
    {
        version = after.Version;
        order = after.ClauseOrder;
        switch (e)
        {
            case PositionTaken p:
                var clause = before.Clauses[p.ClauseId];
                var entry = entries[p.ClauseId];
                var tally = p.OptionId is null ? entry.Tally : entry.Options.GetValueOrDefault(p.OptionId);
                if (tally is null)
                {
                    Rebuild(after.Clauses[p.ClauseId]);
                    return;
                }
                Move(tally, clause, p, clause.PositionsOn(p.OptionId).TryGetValue(p.ParticipantId, out var old) ? old : null);
                Refresh(after.Clauses[p.ClauseId], entry, p.OptionId);
                break;
            case RangeStated r:
                var ranged = entries[r.ClauseId];
                var rule = rules.For(ranged.Kind);
                ranged.FundingFloor = ConsensusCalculator.FundingFloorOf(roster, rule, after.Clauses[r.ClauseId]);
                break;
            case ClauseAdded or ClauseRevised or ClauseWithdrawn:
                Rebuild(after.Clauses[ClauseIdOf(e)]);
                break;
        }
    }

    /// <summary>
    /// Takes one position on a clause itself into account, given the position it replaces: for a pass that takes
    /// positions in place (<see cref="PositionRun"/>) and has no statement before and after each.
    /// </summary>
    /// <param name="clause">The clause at any moment since its last revision: only its revision, kind and text are read.</param>
    public void ObservePosition(ClauseState clause, PositionTaken p, Position? previous, long statementVersion)
    {
        if (p.OptionId is not null)
            throw new ArgumentException("A position on an option is observed with the statement before and after it.", nameof(p));
        version = statementVersion;
        var entry = entries[p.ClauseId];
        Move(entry.Tally, clause, p, previous);
        Refresh(clause, entry, null);
    }

    private void Move(ClauseTally tally, ClauseState clause, PositionTaken p, Position? previous) =>
        tally.Move(roster, p.ParticipantId, previous is null ? null : ClauseTally.Bucket(clause, previous), ClauseTally.Bucket(p.Position));

    public ClauseConsensus Clause(Guid clauseId) => entries[clauseId].Result();

    public StatementConsensus Snapshot(DateTimeOffset? at = null) =>
        new(StatementId, version, at, HasConsensus, [.. order.Select(id => entries[id].Result())]);

    private static Guid ClauseIdOf(StatementEvent e) => e switch
    {
        ClauseAdded a => a.ClauseId,
        ClauseRevised r => r.ClauseId,
        ClauseWithdrawn w => w.ClauseId,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private void Rebuild(ClauseState clause)
    {
        var rule = rules.For(clause.Kind);
        var options = clause.Bracketed.Slots.SelectMany(s => s.Options)
            .ToDictionary(o => o.Id, o => ClauseTally.Count(roster, clause, o.Id));
        var entry = new Entry(clause.Kind, ClauseTally.Count(roster, clause, null), options)
        {
            FundingFloor = ConsensusCalculator.FundingFloorOf(roster, rule, clause),
        };
        if (entries.Remove(clause.Id, out var previous) && previous.Main is not null && !previous.Settled)
            unsettled--;
        entries[clause.Id] = entry;
        Refresh(clause, entry, null);
        foreach (var optionId in options.Keys)
            Refresh(clause, entry, optionId);
    }

    private void Refresh(ClauseState clause, Entry entry, string? optionId)
    {
        var rule = rules.For(clause.Kind);
        if (optionId is not null)
        {
            entry.OptionResults[optionId] = ClauseEvaluator.Evaluate(roster, entry.Options[optionId], clause, optionId, rule);
            entry.OptionOrder = [.. entry.Options.Keys];
            return;
        }
        bool? wasSettled = entry.Main is null ? null : entry.Settled;
        entry.Main = ClauseEvaluator.Evaluate(roster, entry.Tally, clause, null, rule);
        // A running count of clauses neither Agreed nor withdrawn makes HasConsensus O(1).
        if (wasSettled != entry.Settled)
            unsettled += entry.Settled ? (wasSettled is null ? 0 : -1) : 1;
    }

    private sealed class Entry(ClauseKind kind, ClauseTally tally, Dictionary<string, ClauseTally> options)
    {
        public ClauseKind Kind { get; } = kind;
        public ClauseTally Tally { get; } = tally;
        public Dictionary<string, ClauseTally> Options { get; } = options;
        public Dictionary<string, ClauseConsensus> OptionResults { get; } = [];
        public string[] OptionOrder { get; set; } = [];
        public ClauseConsensus? Main { get; set; }
        public FundingFloorAgreement? FundingFloor { get; set; }
        public ClauseStatus Status => Main?.Status ?? ClauseStatus.Pending;
        public bool Settled => Status is ClauseStatus.Agreed or ClauseStatus.Withdrawn;

        public ClauseConsensus Result() => Main! with
        {
            Options = [.. OptionOrder.Select(id => OptionResults[id])],
            FundingFloor = FundingFloor,
        };
    }
}
