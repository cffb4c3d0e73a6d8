namespace Deliberation.Domain;

/// <summary>
/// A fact that happened, named in the past tense. Each aggregate's events derive from its own
/// base; all of them serialize with a <c>type</c> discriminator (see <see cref="DomainJson"/>).
/// </summary>
public abstract record DomainEvent
{
    /// <summary>The discriminator used in the store and on the wire: the record's name.</summary>
    public string EventType => GetType().Name;
}
