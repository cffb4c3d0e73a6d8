using System.Collections.Immutable;
using System.Text;

namespace Deliberation.Domain.Statements;

/// <summary>
/// Clause text with bracketed alternatives: <c>spend [at least one third | at least 20%] on safety</c>.
/// A slot is a pair of square brackets holding at least one <c>|</c>; brackets without one are
/// ordinary text (e.g. "[sic]"). Options are numbered "slot.option" from 1, so an option's id is
/// stable while options are only appended to its slot.
/// </summary>
public sealed record BracketedText(ImmutableArray<TextPart> Parts)
{
    public static BracketedText Parse(string text)
    {
        var parts = ImmutableArray.CreateBuilder<TextPart>();
        var literal = new StringBuilder();
        var slot = 0;
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] == '[' ? text.IndexOf(']', i + 1) : -1;
            var inner = close > i ? text[(i + 1)..close] : null;
            if (inner is null || !inner.Contains('|') || inner.Contains('['))
            {
                literal.Append(text[i]);
                i++;
                continue;
            }
            if (literal.Length > 0)
                parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
            slot++;
            var options = inner.Split('|').Select((o, n) => new SlotOption($"{slot}.{n + 1}", o.Trim())).ToImmutableArray();
            parts.Add(new SlotPart(slot, options));
            i = close + 1;
        }
        if (literal.Length > 0)
            parts.Add(new LiteralPart(literal.ToString()));
        return new BracketedText(parts.ToImmutable());
    }

    public IEnumerable<SlotPart> Slots => Parts.OfType<SlotPart>();

    public bool HasSlots => Slots.Any();

    public SlotOption? Option(string optionId) => Slots.SelectMany(s => s.Options).FirstOrDefault(o => o.Id == optionId);

    public SlotPart? SlotOf(string optionId) => Slots.FirstOrDefault(s => s.Options.Any(o => o.Id == optionId));

    /// <summary>The compilation text, brackets and all.</summary>
    public string Render() => string.Concat(Parts.Select(p => p switch
    {
        LiteralPart l => l.Text,
        SlotPart s => "[" + string.Join(" | ", s.Options.Select(o => o.Text)) + "]",
        _ => "",
    }));

    /// <summary>The text with one slot replaced by its chosen option.</summary>
    public string Resolve(string optionId) => string.Concat(Parts.Select(p => p switch
    {
        LiteralPart l => l.Text,
        SlotPart s when s.Options.Any(o => o.Id == optionId) => s.Options.First(o => o.Id == optionId).Text,
        SlotPart s => "[" + string.Join(" | ", s.Options.Select(o => o.Text)) + "]",
        _ => "",
    }));

    /// <summary>The text with an option appended to an existing slot.</summary>
    public string WithOption(int slot, string option) => string.Concat(Parts.Select(p => p switch
    {
        LiteralPart l => l.Text,
        SlotPart s => "[" + string.Join(" | ", s.Options.Select(o => o.Text).Concat(s.Number == slot ? [option] : [])) + "]",
        _ => "",
    }));

    /// <summary>A readable rendering where each open slot shows its first option, for a clean preview.</summary>
    public string FirstOptions() => string.Concat(Parts.Select(p => p switch
    {
        LiteralPart l => l.Text,
        SlotPart s => s.Options[0].Text,
        _ => "",
    }));

    internal RuleError? Validate()
    {
        foreach (var slot in Slots)
        {
            if (slot.Options.Length > Limits.OptionsPerSlot)
                return RuleError.Invalid("alternative.too-many", $"A bracket holds at most {Limits.OptionsPerSlot} options.");
            if (slot.Options.Any(o => o.Text.Length == 0))
                return RuleError.Invalid("alternative.empty", "A bracketed option must not be empty.");
        }
        return null;
    }
}

/// <summary>A piece of clause text: plain or a bracketed slot.</summary>
public abstract record TextPart;

public sealed record LiteralPart(string Text) : TextPart;

public sealed record SlotPart(int Number, ImmutableArray<SlotOption> Options) : TextPart;

/// <summary>One bracketed option; <see cref="Id"/> is "slot.option", e.g. "1.2".</summary>
public sealed record SlotOption(string Id, string Text);
