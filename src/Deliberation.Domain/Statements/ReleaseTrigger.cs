namespace Deliberation.Domain.Statements;

/// <summary>
/// What made the room see a clause's figures again (docs/domain.md, "Releases"). Only
/// <see cref="ShowTheRoom"/> is a person's act (the chair's); the others are the system's, and the
/// edge refuses them from clients.
/// </summary>
public enum ReleaseTrigger
{
    /// <summary>At least k distinct members changed since the room last saw the clause.</summary>
    Threshold,

    /// <summary>The chair asked to show the room; with force, even below k changes.</summary>
    ShowTheRoom,

    /// <summary>The dialogue moved to another phase: every clause that reached k changes is released.</summary>
    PhaseChange,

    /// <summary>A bulk historical record (a Pol.is import) is released once, whole.</summary>
    Import,
}
