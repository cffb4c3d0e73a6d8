using System.Collections.Immutable;

namespace Deliberation.Domain.Languages;

/// <summary>
/// A pinned term of a dialogue's glossary: its agreed rendering in each working language it names
/// (e.g. zh-Hans 安全 ↔ en "safety"), with a note on why. A term pinned for one clause
/// (<see cref="ClauseId"/>) overrides, in that clause, a dialogue-wide term of the same source
/// rendering — 安全 is "safety" in one red line and "security" elsewhere.
/// </summary>
public sealed record GlossaryTerm(Guid TermId, ImmutableDictionary<string, string> Renderings, string? Note = null, Guid? ClauseId = null);
