using Deliberation.Domain;
using Deliberation.Persistence;

namespace Deliberation.Grains.EventSourcing;

/// <summary>
/// One committed event with the state just before and just after it, as stored: what after-commit
/// work (the consensus tracker, read models, the room) needs to know about a commit.
/// </summary>
public sealed record AppliedEvent<TState, TEvent>(TState Before, TEvent Event, TState After, StoredEvent Stored)
    where TEvent : DomainEvent;
