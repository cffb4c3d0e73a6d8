using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Persistence;

/// <summary>
/// The hash chain over one stream's events; the only definition of it, used when appending and
/// when verifying. It is public on purpose: a published statement cites its stream's head hash,
/// and anyone holding the exported events must be able to recompute that hash without our code.
/// </summary>
/// <remarks>
/// <code>
/// hash(v)   = lowercase hex( SHA-256( UTF-8( hash(v-1) + canonical(v) ) ) )     hash(0) = ""
/// canonical = streamId + "\n" + version + "\n" + type + "\n" + occurredAt + "\n" + actor + "\n" + payloadJson
/// </code>
/// <c>version</c> is the decimal integer (invariant culture, no padding); <c>occurredAt</c> is the
/// event time in UTC formatted with the round-trip "O" format, e.g.
/// <c>2025-03-14T09:26:53.5897930+00:00</c> (stored times are whole microseconds, see
/// <see cref="StoredTime"/>, so the last digit is 0); <c>payloadJson</c> is the stored payload
/// text byte for byte. No separator follows the payload and none separates the previous hash
/// (64 hex characters, or nothing for version 1) from the canonical event.
/// </remarks>
public static class EventHash
{
    /// <summary>The text that is hashed for one event, previous hash excluded.</summary>
    public static string Canonical(string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson) =>
        string.Join('\n',
            streamId,
            version.ToString(CultureInfo.InvariantCulture),
            type,
            occurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            actor,
            payloadJson);

    public static string Compute(string previousHash, string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + Canonical(streamId, version, type, occurredAt, actor, payloadJson));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Compute(string previousHash, StoredEvent e) =>
        Compute(previousHash, e.StreamId, e.Version, e.Type, e.OccurredAt, e.Actor, e.PayloadJson);
}
