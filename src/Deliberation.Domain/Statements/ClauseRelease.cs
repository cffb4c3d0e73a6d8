using System.Collections.Immutable;
using Deliberation.Domain.Consensus;

namespace Deliberation.Domain.Statements;

/// <summary>
/// What the room — everyone who does not see live figures — was shown of one clause at a release:
/// its figures under the room folding (docs/security.md, "Disclosure control"), the reservation
/// notes of its current positions (sorted, without names or times) and how many distinct members
/// changed since the previous release. <see cref="Forced"/> says the chair released it below k.
/// </summary>
public sealed record ClauseRelease(Guid ClauseId, int Changes, bool Forced, ClauseConsensus Figures, ImmutableArray<string> Notes);
