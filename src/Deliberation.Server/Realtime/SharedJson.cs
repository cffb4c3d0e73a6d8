using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Contracts.Views;
using Deliberation.Domain.Consensus;

namespace Deliberation.Server.Realtime;

/// <summary>
/// The hub's JSON for what many join answers share, written from bytes serialized once per instance
/// (docs/performance.md, "Joining"). A room's join answers all carry the same roster
/// (<see cref="Visibility.RosterViews"/>: one instance per roster) and, per role, the same figures
/// (<see cref="Visibility.ReleasedViews"/>, or the snapshot's live figures): in a room of 1,000 the
/// roster alone is about 150 KB, serialized afresh for every joiner. Keyed by the instance — the
/// values are immutable — so the bytes are exactly what the same options would write, and a new
/// roster or new figures are new keys. Only for the hub's payloads: nothing else reads this cache.
/// </summary>
public static class SharedJson
{
    /// <remarks>
    /// First in the list: System.Text.Json takes the first converter that can convert a type, and the
    /// domain's own <c>ImmutableArray</c> converter (<see cref="Deliberation.Contracts.Json.WireJson"/>) comes before any
    /// added after it — the roster was then serialized afresh for every joiner after all (a profile of
    /// 1,000 joins: a sixth of the server's CPU; docs/performance.md, "Session 13: joins").
    /// </remarks>
    public static void ApplyTo(JsonSerializerOptions options)
    {
        options.Converters.Insert(0, new RosterConverter());
        options.Converters.Insert(1, new FiguresConverter());
    }

    /// <summary>The options without these converters, to write what is cached (else the converter would call itself).</summary>
    private static JsonSerializerOptions Plain(JsonSerializerOptions options, ref JsonSerializerOptions? plain)
    {
        if (plain is { } made)
            return made;
        var copy = new JsonSerializerOptions(options);
        copy.Converters.Remove(copy.Converters.First(c => c is RosterConverter));
        copy.Converters.Remove(copy.Converters.First(c => c is FiguresConverter));
        return plain = copy;
    }

    private sealed class RosterConverter : JsonConverter<ImmutableArray<MemberView>>
    {
        private readonly ConditionalWeakTable<MemberView[], byte[]> written = new();
        private JsonSerializerOptions? plain;

        public override ImmutableArray<MemberView> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            [.. JsonSerializer.Deserialize<MemberView[]>(ref reader, Plain(options, ref plain)) ?? []];

        public override void Write(Utf8JsonWriter writer, ImmutableArray<MemberView> value, JsonSerializerOptions options)
        {
            if (ImmutableCollectionsMarshal.AsArray(value) is not { } members)
            {
                writer.WriteStartArray();
                writer.WriteEndArray();
                return;
            }
            var bytes = written.GetValue(members, m => JsonSerializer.SerializeToUtf8Bytes(m, Plain(options, ref plain)));
            writer.WriteRawValue(bytes, skipInputValidation: true);
        }
    }

    private sealed class FiguresConverter : JsonConverter<StatementConsensus>
    {
        private readonly ConditionalWeakTable<StatementConsensus, byte[]> written = new();
        private JsonSerializerOptions? plain;

        public override StatementConsensus? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<StatementConsensus>(ref reader, Plain(options, ref plain));

        public override void Write(Utf8JsonWriter writer, StatementConsensus value, JsonSerializerOptions options)
        {
            var bytes = written.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v, Plain(options, ref plain)));
            writer.WriteRawValue(bytes, skipInputValidation: true);
        }
    }
}
