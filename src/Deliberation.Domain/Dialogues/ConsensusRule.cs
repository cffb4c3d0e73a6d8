using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

/// <summary>
/// When a group meets the rule (docs/consensus.md): enough of it responded (<see cref="Quorum"/> of its
/// members, rounded up), enough of the responses are Support or Accept (<see cref="Threshold"/>),
/// and — when <see cref="BlockIsVeto"/> — nobody blocks.
/// </summary>
/// <param name="Dimensions">The dimensions whose groups must all agree; empty means every dimension.</param>
public sealed record ConsensusRule(
    double Threshold = 2.0 / 3.0,
    double Quorum = 0.5,
    bool BlockIsVeto = true,
    ImmutableArray<string> Dimensions = default,
    bool FacilitatorsVote = false)
{
    public static ConsensusRule Default { get; } = new();

    public bool Counts(string dimension) => Dimensions.IsDefaultOrEmpty || Dimensions.Contains(dimension);

    internal RuleError? Validate(IEnumerable<string> knownDimensions)
    {
        if (double.IsNaN(Threshold) || Threshold is <= 0 or > 1)
            return RuleError.Invalid("rule.threshold-out-of-range", "The threshold must be above 0 and at most 1.");
        if (double.IsNaN(Quorum) || Quorum is < 0 or > 1)
            return RuleError.Invalid("rule.quorum-out-of-range", "The quorum must be between 0 and 1.");
        var unknown = Dimensions.IsDefaultOrEmpty ? null : Dimensions.FirstOrDefault(d => !knownDimensions.Contains(d));
        return unknown is null ? null : RuleError.Invalid("rule.unknown-dimension", $"The rule names a dimension '{unknown}' the dialogue does not have.");
    }
}

/// <summary>The dialogue's rule and its overrides per clause kind.</summary>
public sealed record ConsensusRules(ConsensusRule Default, ImmutableDictionary<ClauseKind, ConsensusRule> Overrides)
{
    public static ConsensusRules Standard { get; } = new(ConsensusRule.Default, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty);

    public ConsensusRule For(ClauseKind kind) => Overrides.TryGetValue(kind, out var rule) ? rule : Default;

    public IEnumerable<ConsensusRule> All => Overrides.Values.Prepend(Default);
}
