using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

/// <summary>A named set of stakeholder groups, e.g. Region = {China, United States, Europe, Global South}.</summary>
public sealed record Dimension(string Name, ImmutableArray<string> Groups);
