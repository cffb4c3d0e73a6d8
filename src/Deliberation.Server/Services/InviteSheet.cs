using System.Globalization;
using CsvHelper;
using Deliberation.Polis;
using QRCoder;

namespace Deliberation.Server.Services;

/// <summary>
/// What the convener takes away from issuing every invite at once: a QR code per link, for the
/// printed cards, and the list as CSV. The QR code is a PNG in a <c>data:</c> URL, which the
/// content security policy admits as an image (<c>img-src 'self' data:</c>), so the client needs no
/// script or library of its own to show it.
/// </summary>
public static class InviteSheet
{
    /// <summary>Pixels per QR module: a 256-bit code's link prints about 4 cm wide at this size.</summary>
    private const int PixelsPerModule = 5;

    public static string QrCode(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(PixelsPerModule));
    }

    /// <summary>
    /// name, affiliation, role, link, expires — a row per person. Names and affiliations are guarded
    /// against formula injection as every CSV the server writes is (docs/security.md).
    /// </summary>
    public static string Csv(IEnumerable<PersonInvite> invites)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in new[] { "name", "affiliation", "role", "link", "expires" })
                csv.WriteField(column);
            csv.NextRecord();
            foreach (var invite in invites)
            {
                csv.WriteField(SpreadsheetGuard.Protect(invite.DisplayName));
                csv.WriteField(SpreadsheetGuard.Protect(invite.Affiliation ?? ""));
                csv.WriteField(invite.Role.ToString().ToLowerInvariant());
                csv.WriteField(invite.Link);
                csv.WriteField(invite.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return text.ToString();
    }
}
