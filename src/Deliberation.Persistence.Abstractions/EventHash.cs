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
    /// <exception cref="FormatException">The salt is not 64 lowercase hex characters.</exception>
    public static string Leaf(string salt, string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson)
    {
        Span<byte> saltBytes = stackalloc byte[Size];
        HexToBytes(salt, saltBytes, nameof(salt));
        Span<byte> leaf = stackalloc byte[Size];
        LeafBytes(saltBytes, streamId, version, type, occurredAt, actor, payloadJson, leaf);
        return Convert.ToHexStringLower(leaf);
    }

    /// <summary>leaf(v) of a stored event, from its own salt (not its stored leaf).</summary>
    public static string Leaf(StoredEvent e) =>
        Leaf(e.Salt, e.StreamId, e.Version, e.Type, e.OccurredAt, e.Actor, e.PayloadJson);

    /// <summary>hash(v) from hash(v-1) (empty for version 1) and leaf(v).</summary>
    /// <exception cref="FormatException">A non-empty previous hash or the leaf is not 64 lowercase hex characters.</exception>
    public static string Link(string previousHash, string leaf)
    {
        Span<byte> previous = stackalloc byte[Size];
        if (previousHash.Length > 0)
            HexToBytes(previousHash, previous, nameof(previousHash));
        Span<byte> leafBytes = stackalloc byte[Size];
        HexToBytes(leaf, leafBytes, nameof(leaf));
        Span<byte> hash = stackalloc byte[Size];
        LinkBytes(previousHash.Length > 0 ? previous : default, leafBytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// leaf(v) as raw bytes into <paramref name="leaf"/>: the one computation of the definition, without
    /// allocating (a verifier runs it for every event of a stream).
    /// </summary>
    public static void LeafBytes(ReadOnlySpan<byte> salt, string streamId, long version, string type, DateTimeOffset occurredAt, string actor, string payloadJson, Span<byte> leaf)
    {
        if (salt.Length != Size || leaf.Length != Size)
            throw new ArgumentException($"A salt and a leaf are {Size} bytes.");
        // Upper bound of the canonical text's UTF-8 bytes: 3 per UTF-16 unit, 20 for the version, 33 for the time.
        var bound = Size + 3 * (streamId.Length + type.Length + actor.Length + payloadJson.Length) + 20 + 40 + 5;
        byte[]? rented = null;
        Span<byte> buffer = bound <= 1024 ? stackalloc byte[bound] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(bound));
        try
        {
            salt.CopyTo(buffer);
            var n = Size;
            n += Encoding.UTF8.GetBytes(streamId, buffer[n..]);
            buffer[n++] = (byte)'\n';
            version.TryFormat(buffer[n..], out var written, default, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(type, buffer[n..]);
            buffer[n++] = (byte)'\n';
            occurredAt.ToUniversalTime().TryFormat(buffer[n..], out written, "O", CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(actor, buffer[n..]);
            buffer[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(payloadJson, buffer[n..]);
            SHA256.HashData(buffer[..n], leaf);
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>hash(v) as raw bytes: SHA-256 of the previous hash's bytes (empty for version 1) and the leaf's.</summary>
    public static void LinkBytes(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> leaf, Span<byte> hash)
    {
        if ((previousHash.Length != 0 && previousHash.Length != Size) || leaf.Length != Size || hash.Length != Size)
            throw new ArgumentException($"Hashes and leaves are {Size} bytes.");
        Span<byte> buffer = stackalloc byte[2 * Size];
        previousHash.CopyTo(buffer);
        leaf.CopyTo(buffer[previousHash.Length..]);
        SHA256.HashData(buffer[..(previousHash.Length + Size)], hash);
    }

    /// <summary>Reads 64 lowercase hex characters into 32 bytes; false (and nothing promised of the bytes) for anything else.</summary>
    public static bool TryReadHex(string? hex, Span<byte> destination) =>
        IsHex(hex) && Convert.FromHexString(hex, destination, out _, out var written) == System.Buffers.OperationStatus.Done && written == Size;

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
    public static bool IsHex([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value)
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
        if (!TryReadHex(hex, destination))
            throw new FormatException($"{name} must be {2 * Size} lowercase hex characters.");
    }
}
