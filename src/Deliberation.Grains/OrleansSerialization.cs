using Deliberation.Domain;
using Orleans.Serialization;

namespace Deliberation.Grains;

/// <summary>
/// Domain records cross grain calls as JSON with the domain's own options, so the domain needs no
/// Orleans attributes and a message reads the same in the store, on the wire and between nodes.
/// </summary>
public static class OrleansSerialization
{
    public static ISerializerBuilder AddDomainJson(this ISerializerBuilder builder) =>
        builder
            .AddJsonSerializer(
                isSupported: type => type.Namespace?.StartsWith("Deliberation.Domain", StringComparison.Ordinal) == true,
                jsonSerializerOptions: DomainJson.Options)
            // The JSON codec vouches for domain types themselves, not for collections of them: without
            // this a List<DialogueCommand> (a batch) is refused as soon as a call leaves the silo.
            .Configure(options => options.AddAllowedAssembly(typeof(DomainJson).Assembly));
}
