namespace Deliberation.Domain.Languages;

/// <summary>A translation that renders a pinned term otherwise: the source holds <see cref="SourceTerm"/>, the translation lacks <see cref="AgreedRendering"/>.</summary>
public sealed record GlossaryFlag(Guid TermId, string SourceTerm, string AgreedRendering, string? Note);
