using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests.Fixtures;

/// <summary>
/// Random rooms and random sessions for the property tests. A room is a roster and a rule; a
/// session is a list of small integer tuples read as commands against the current state, so
/// CsCheck can shrink a failure to a short script.
/// </summary>
public static class RandomRoom
{
    /// <summary>One member: role code (mostly delegates), region and sector index (4 = none).</summary>
    public static Gen<(int Role, int Region, int Sector)> Seat { get; } = Gen.Select(Gen.Int[0, 11], Gen.Int[0, 4], Gen.Int[0, 4]);

    public static Gen<(int Role, int Region, int Sector)[]> Seats { get; } = Seat.Array[1, 9];

    public static Gen<ConsensusRule> Rule { get; } = Gen.Select(
        Gen.OneOf(0.5, 0.6, 2.0 / 3.0, 0.75, 1.0),
        Gen.OneOf(0.0, 0.3, 0.5, 0.6, 2.0 / 3.0, 1.0),
        Gen.Bool,
        Gen.Bool,
        Gen.Bool,
        (threshold, quorum, veto, facilitatorsVote, regionOnly) => new ConsensusRule(
            threshold, quorum, veto, regionOnly ? [DialogueBuilder.Region] : default, facilitatorsVote));

    /// <summary>An op: what to do, and three numbers that pick who, what and how.</summary>
    public static Gen<(int Kind, int A, int B, int C)> Op { get; } = Gen.Select(Gen.Int[0, 11], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999]);

    public static Gen<(int Kind, int A, int B, int C)[]> Ops { get; } = Op.Array[1, 30];

    public static readonly string[] Texts =
    [
        "Spend [one third | 20%] of AI R&D on safety.",
        "Spend [one third | 20% | 10%] of AI R&D on safety.",
        "Spend one third of AI R&D on safety.",
        "[Register | License] models above [a compute | a capability] threshold.",
        "Register models above a capability threshold.",
        "Deception of overseers is a red line.",
        "Deception of overseers is a red line [sic].",
    ];

    private static readonly string[] Regions = [DialogueBuilder.China, DialogueBuilder.UnitedStates, DialogueBuilder.Europe, DialogueBuilder.GlobalSouth];
    private static readonly string[] Sectors = [DialogueBuilder.Academia, DialogueBuilder.Industry, DialogueBuilder.Government, DialogueBuilder.CivilSociety];

    private static Role RoleOf(int code) => code switch
    {
        <= 7 => Role.Delegate,
        8 => Role.Facilitator,
        9 => Role.Observer,
        _ => Role.Rapporteur,
    };

    /// <summary>A dialogue with the seats as members, the rule for every clause kind, and no clauses yet.</summary>
    public static (DialogueBuilder Dialogue, Guid[] Members) Build((int Role, int Region, int Sector)[] seats, ConsensusRule rule)
    {
        // Red lines get a rule of their own, so per-kind overrides are exercised too.
        var redLines = rule with { Threshold = 1.0, BlockIsVeto = !rule.BlockIsVeto };
        var dialogue = new DialogueBuilder(new ConsensusRules(rule, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty.Add(ClauseKind.RedLine, redLines)));
        var members = seats.Select(s => dialogue.AddMember(RoleOf(s.Role), s.Region < 4 ? Regions[s.Region] : null, s.Sector < 4 ? Sectors[s.Sector] : null)).ToArray();
        return (dialogue, members);
    }

    /// <summary>Three clauses: a red line, a funding floor with a bracket, a governance proposal with two brackets.</summary>
    public static Guid[] Clauses(DialogueBuilder dialogue) =>
    [
        dialogue.Clause(Texts[5], ClauseKind.RedLine),
        dialogue.Clause(Texts[0], ClauseKind.FundingFloor),
        dialogue.Clause(Texts[3], ClauseKind.GovernanceProposal),
    ];

    /// <summary>
    /// Reads an op as a statement command and the member giving it. Most read as commands that can be
    /// accepted; with <paramref name="wild"/>, some name unknown clauses, options and revisions too.
    /// </summary>
    public static (StatementCommand Command, Guid Actor) Read(DialogueBuilder dialogue, Guid[] members, Guid[] clauses, (int Kind, int A, int B, int C) op, bool wild)
    {
        var voter = members[op.A % members.Length];
        var clauseId = wild && op.B % 17 == 0 ? Guid.NewGuid() : clauses[op.B % clauses.Length];
        var clause = dialogue.Statement.ClauseOrNull(clauseId);
        var current = clause?.CurrentRevision ?? 1;
        var options = clause?.Bracketed.Slots.SelectMany(s => s.Options).Select(o => o.Id).ToArray() ?? [];
        // An older revision is still valid after editorial changes and stale after a substantive one.
        var revision = op.C % 7 == 0 ? Math.Max(wild ? 0 : 1, current - 1) : current;
        var drafter = op.A % 3 == 0 ? dialogue.Facilitator : members.FirstOrDefault(m => dialogue.Dialogue.Roster[m].Role == Role.Rapporteur, dialogue.Facilitator);

        switch (op.Kind)
        {
            case <= 3:
                var option = op.C % 3 == 0 && options.Length > 0 ? options[op.C / 3 % options.Length] : wild && op.C % 11 == 0 ? "9.9" : null;
                return (new TakePosition(clauseId, revision, (PositionKind)(op.C % 5), op.C % 13 == 0 ? "With a reservation." : null, option), voter);
            case 4 or 5:
                // Mostly on the funding floor; now and then on a clause without a parameter.
                var floorId = op.B % 5 == 0 ? clauseId : clauses[1];
                var floorNow = dialogue.Statement.ClauseOrNull(floorId)?.CurrentRevision ?? 1;
                var low = op.B % 205 * 0.5 - (wild ? 1 : 0);
                var high = Math.Min(100, low + op.C % 120 * 0.5);
                if (wild && op.C % 9 == 0)
                    (low, high) = (high + 1, low);
                return (new StateRange(floorId, op.C % 7 == 0 ? Math.Max(wild ? 0 : 1, floorNow - 1) : floorNow, low, high), voter);
            case 6 or 7:
                var kind = op.C % 2 == 0 ? RevisionKind.Substantive : RevisionKind.Editorial;
                return (new ReviseClause(clauseId, op.C % 5 == 0 ? revision : current, Texts[op.A % Texts.Length], kind, null), drafter);
            case 8:
                var slots = clause?.Bracketed.Slots.Count() ?? 0;
                return op.C % 2 == 0 && slots > 0
                    ? (new AddAlternative(clauseId, current, op.C / 2 % slots + 1, null, $"option {op.A % 4}"), voter)
                    : (new AddAlternative(clauseId, current, null, op.A % 2 == 0 ? "red line" : "models", "a bright line"), voter);
            case 9:
                return (new ResolveAlternative(clauseId, options.Length > 0 ? options[op.C % options.Length] : "1.1", op.A % 2 == 0 ? RevisionKind.Substantive : RevisionKind.Editorial), dialogue.Facilitator);
            case 10:
                var amendment = dialogue.Statement.Amendments.Values.FirstOrDefault(a => a.Status == AmendmentStatus.Proposed);
                return amendment is not null && op.C % 3 != 0
                    ? (new DecideAmendment(amendment.Id, op.C % 3 == 1, op.C % 3 == 1 ? null : "Declined in session", op.A % 2 == 0 ? RevisionKind.Substantive : RevisionKind.Editorial), drafter)
                    : (new ProposeAmendment(dialogue.NewId(), clauseId, current, Texts[op.A % Texts.Length], null), voter);
            default:
                return op.A % 4 == 0
                    ? (new WithdrawClause(clauseId, null), dialogue.Facilitator)
                    : (new TakePosition(clauseId, current, PositionKind.Support), voter);
        }
    }
}
