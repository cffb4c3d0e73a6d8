using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Visibility;

/// <summary>How much of one event an audience receives (docs/security.md, "The events log").</summary>
public enum EventDisclosure
{
    /// <summary>Every field, with its salt: she can check the event against its leaf.</summary>
    Whole,

    /// <summary>Its fields less who wrote it, and no salt: with the salt she could test each roster member against the leaf.</summary>
    WithoutAuthor,

    /// <summary>Only its place in the chain (stream, version, log position, leaf, hash): type <c>Hidden</c>.</summary>
    Opaque,
}

public static class EventDisclosures
{
    /// <summary>
    /// Invites reach organisers only. Where the mode hides names from the audience, another person's
    /// position or range is opaque — not even its clause, kind, note or time go out, since with the
    /// roster those attribute it (the room reads positions through releases) — and another's
    /// amendment loses its author. Her own events she receives whole.
    /// </summary>
    public static EventDisclosure Of(DomainEvent e, Guid actor, Audience audience)
    {
        if (e is InviteIssued or InviteRevoked && !audience.Role.Organises())
            return EventDisclosure.Opaque;
        if (audience.SeesNames || EventLog.Attributes(e, actor) is not { } author || author == audience.Viewer)
            return EventDisclosure.Whole;
        return e is AmendmentProposed ? EventDisclosure.WithoutAuthor : EventDisclosure.Opaque;
    }
}
