namespace Deliberation.LoadGenerator;

/// <summary>
/// The floor's room (bench/Deliberation.FloorHub): nothing to create — the hub relays in any room a
/// client names — so only the ids are made up, with the same 20 clauses as ours.
/// </summary>
public static class FloorRoomSetup
{
    public static LoadRoom Create(LoadOptions options) =>
        new(Guid.NewGuid(), Guid.NewGuid(), [.. Enumerable.Range(0, 20).Select(_ => Guid.NewGuid())], [.. Enumerable.Repeat("", options.Clients)]);
}
