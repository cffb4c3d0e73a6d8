using Deliberation.Server.Services;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Deliberation.Server.Tests.Roster;

/// <summary>The printed card's QR code is the link itself: decoded back, it is the same text.</summary>
public sealed class InviteSheetTests
{
    [Fact]
    public void TheQrCodeDecodesToTheLink()
    {
        const string link = "https://deliberation.invalid/invite/kR3v9Xo2c8B1qZ7mN0pL4sT6uW5yA9dE2fG8hJ1kM3n";
        var dataUrl = InviteSheet.QrCode(link);

        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUrl, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(dataUrl[prefix.Length..]));
        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                luminance[y * bitmap.Width + x] = (byte)((pixel.Red + pixel.Green + pixel.Blue) / 3);
            }
        var image = new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(luminance, bitmap.Width, bitmap.Height, 0, 0, bitmap.Width, bitmap.Height, false)));

        var decoded = new QRCodeReader().decode(image);

        Assert.NotNull(decoded);
        Assert.Equal(link, decoded.Text);
    }
}
