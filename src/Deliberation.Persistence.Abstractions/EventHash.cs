using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Persistence;

/// <summary>
/// The salted commitments and the hash chain over one stream's events; the only definition of
/// them, used when appending, when verifying and by the migration from the unsalted chain. It is
/// public on purpose: a published statement cites its stream's head hash, and anyone holding the
/// exported events must be able to recompute it without our code (docs/api.md, "Verifiable history").
/// </summary>
/// <remarks>
/// <code>
/// salt(v)   = 32 random bytes, written as 64 lowercase hex characters
/// leaf(v)   = SHA-256( saltBytes(v) ‖ UTF-8( canonical(v) ) )
/// hash(v)   = SHA-256( hashBytes(v-1) ‖ leafBytes(v) )          hash(1) = SHA-256( leafBytes(1) )
/// canonical = streamId + "\n" + version + "\n" + type + "\n" + occurredAt + "\n" + actor + "\n" + payloadJson
/// </code>
/// ‖ joins raw bytes (the 32 bytes each hex string stands for, not the hex text); every salt,
/// leaf and hash is shown as 64 lowercase hex characters. <c>version</c> is the decimal integer
/// (invariant culture, no padding); <c>occurredAt</c> is the event time in UTC formatted with the
/// round-trip "O" format, e.g. <c>2025-03-14T09:26:53.5897930+00:00</c> (stored times are whole
/// microseconds, see <see cref="StoredTime"/>, so the last digit is 0); <c>payloadJson</c> is the
/// stored payload text byte for byte. No separator follows the payload.
/// <para>
/// Why a salt: the chain links leaves, not events. A viewer who may not see an event receives its
/// leaf and hash only; without the salt she cannot confirm a guess of its content ("did member X
/// block?") by hashing candidates, yet she can still check that the chain of leaves is unbroken.
/// Whoever holds an event whole (with its salt) can check its leaf too.
/// </para>
/// </remarks>
public static class EventHash
{
    /// <summary>Bytes in a salt, a leaf and a hash.</summary>
    public const int Size = 32;

    /// <summary>The text that is committed to for one event.</summary>
    public static string Canonical(string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson) =>
        string.Join('\n',
            streamId,
            version.ToString(CultureInfo.InvariantCulture),
            type,
            occurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            actor,
            payloadJson);

    /// <summary>A fresh salt from the system's cryptographic random source, as 64 lowercase hex characters.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Size));

    /// <summary>leaf(v): the salted commitment to one event.</summary>
    /// <exception cref="FormatException">The salt is not 64 hex characters.</exception>
    public static string Leaf(string salt, string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson)
    {
        var canonical = Canonical(streamId, version, type, occurredAt, actor, payloadJson);
        var buffer = new byte[Size + Encoding.UTF8.GetByteCount(canonical)];
        HexToBytes(salt, buffer.AsSpan(0, Size), nameof(salt));
        Encoding.UTF8.GetBytes(canonical, buffer.AsSpan(Size));
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    /// <summary>leaf(v) of a stored event, from its own salt (not its stored leaf).</summary>
    public static string Leaf(StoredEvent e) =>
        Leaf(e.Salt, e.StreamId, e.Version, e.Type, e.OccurredAt, e.Actor, e.PayloadJson);

    /// <summary>hash(v) from hash(v-1) (empty for version 1) and leaf(v).</summary>
    /// <exception cref="FormatException">A non-empty previous hash or the leaf is not 64 hex characters.</exception>
    public static string Link(string previousHash, string leaf)
    {
        Span<byte> buffer = stackalloc byte[2 * Size];
        var length = 0;
        if (previousHash.Length > 0)
        {
            HexToBytes(previousHash, buffer[..Size], nameof(previousHash));
            length = Size;
        }
        HexToBytes(leaf, buffer.Slice(length, Size), nameof(leaf));
        length += Size;
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(buffer[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// The chain as it was before salts (kept only so the start-up migration can check old
    /// histories before re-chaining them): <c>hash(v) = hex(SHA-256(UTF-8(hash(v-1) + canonical(v))))</c>,
    /// the previous hash as hex text, "" for version 1.
    /// </summary>
    public static string LegacyHash(string previousHash, string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + Canonical(streamId, version, type, occurredAt, actor, payloadJson));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string LegacyHash(string previousHash, StoredEvent e) =>
        LegacyHash(previousHash, e.StreamId, e.Version, e.Type, e.OccurredAt, e.Actor, e.PayloadJson);

    /// <summary>Whether a text is exactly 64 lowercase hex characters (the only form we store or accept).</summary>
    public static bool IsHex(string? value)
    {
        if (value is null || value.Length != 2 * Size)
            return false;
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
                return false;
        }
        return true;
    }

    private static void HexToBytes(string hex, Span<byte> destination, string name)
    {
        if (!IsHex(hex))
            throw new FormatException($"{name} must be {2 * Size} lowercase hex characters.");
        Convert.FromHexString(hex, destination, out _, out _);
    }
}
