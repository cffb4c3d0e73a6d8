namespace Deliberation.Domain.Statements;

/// <summary>The number a funding floor is about (e.g. the share of AI R&amp;D spent on safety) and the grid it is solved on.</summary>
public sealed record NumericParameter(string Name, string Unit = "%", double Min = 0, double Max = 100, double Step = 0.5)
{
    public static NumericParameter ShareOfResearch { get; } = new("Share of AI R&D spent on safety");

    public int GridSize => (int)Math.Round((Max - Min) / Step) + 1;

    public double GridValue(int index) => Math.Round(Min + index * Step, 10);

    internal RuleError? Validate()
    {
        if (Check.Text(Name, "parameter", Limits.ShortTextLength) is { } error)
            return error;
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !double.IsFinite(Step) || Max <= Min || Step <= 0)
            return RuleError.Invalid("parameter.bad-grid", "A parameter needs finite bounds with min < max and a positive step.");
        return GridSize > 100_001
            ? RuleError.Invalid("parameter.grid-too-fine", "A parameter's grid holds at most 100,001 values.")
            : null;
    }
}
