using System.Text.Json.Serialization;

namespace Deliberation.Persistence;

/// <summary>
/// The result of recomputing one stream's chain: how far it goes, what its head hash is, how many
/// events were checked (fewer than <see cref="HeadVersion"/> when a load checks only the events
/// after its snapshot) and the first break, if any.
/// </summary>
public sealed record StreamVerification(string StreamId, long HeadVersion, string? HeadHash, long EventsChecked, ChainBreak? FirstBreak)
{
    [JsonIgnore]
    public bool IsIntact => FirstBreak is null;
}
