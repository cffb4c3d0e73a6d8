namespace Deliberation.Domain;

/// <summary>
/// A fact that happened, named in the past tense. Each aggregate's events derive from its own
/// base; all of them serialize with a <c>type</c> discriminator (see <see cref="DomainJson"/>).
/// </summary>
public abstract record DomainEvent
{
    /// <summary>The discriminator used in the store and on the wire: the record's name.</summary>
    public string EventType => GetType().Name;

    /// <summary>
    /// Whether the event is recorded as the system's act, with no person as its actor, though a
    /// person's command produced it: an automatic release must not name whose change completed it.
    /// A method, not a property, so it never becomes part of the payload.
    /// </summary>
    public virtual bool IsTheSystemsAct() => false;
}
