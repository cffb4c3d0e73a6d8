namespace Deliberation.Server.Protection;

/// <summary>
/// Live hub connections per person on this node (<c>RateLimits:HubConnectionsPerPerson</c>, default 3:
/// a laptop, a phone and a projector tab). Counted from the hub's own connect and disconnect, so it
/// holds whichever session or cookie each connection came with.
/// </summary>
public sealed class HubConnectionLimit(RateLimitSettings limits)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> open = [];

    public int PerPerson => limits.HubConnectionsPerPerson;

    public string RefusalMessage =>
        $"You already have {PerPerson} live connections to this server; close a tab or another device first.";

    public bool HasRoomFor(string person)
    {
        lock (gate)
            return open.GetValueOrDefault(person) < PerPerson;
    }

    public bool TryOpen(string person)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(person);
            if (count >= PerPerson)
                return false;
            open[person] = count + 1;
            return true;
        }
    }

    public void Close(string person)
    {
        lock (gate)
        {
            if (!open.TryGetValue(person, out var count))
                return;
            if (count <= 1)
                open.Remove(person);
            else
                open[person] = count - 1;
        }
    }
}
