using System.Globalization;

namespace Deliberation.Persistence;

/// <summary>
/// A published head to look for: a hash alone (<c>--head 3f2a…</c>: wherever it is in the log), or
/// <c>stream=version:hash</c> (that stream must have that hash at that version).
/// </summary>
public sealed record HeadClaim(string Hash, string? StreamId = null, long? Version = null)
{
    public static bool TryParse(string text, out HeadClaim? claim)
    {
        claim = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            if (!IsHash(text))
                return false;
            claim = new HeadClaim(text.ToLowerInvariant());
            return true;
        }
        var colon = text.IndexOf(':', equals + 1);
        if (equals == 0 || colon < 0)
            return false;
        var stream = text[..equals];
        var hash = text[(colon + 1)..];
        if (!long.TryParse(text[(equals + 1)..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1 || !IsHash(hash))
            return false;
        claim = new HeadClaim(hash.ToLowerInvariant(), stream, version);
        return true;
    }

    public override string ToString() => StreamId is null ? Hash : $"{StreamId}={Version!.Value.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    private static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
