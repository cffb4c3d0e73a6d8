using System.Text;
using Deliberation.Polis;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Deliberation.Server.Polis;

/// <summary>
/// A Pol.is export as uploaded (multipart/form-data), read part by part as it arrives: each file goes
/// through its byte limit into a temporary file that is deleted when the upload is disposed, so the
/// server holds a few buffers in memory whatever the size of the upload, and a file over the limit
/// is refused (<see cref="PolisRules.TooLarge"/>) as soon as its limit is passed, not after it was read whole.
/// </summary>
public sealed class PolisUpload : IAsyncDisposable
{
    private const int MaxTitleBytes = 4 * 1024;
    private readonly Dictionary<string, FileStream> files = new(StringComparer.OrdinalIgnoreCase);

    private PolisUpload()
    {
    }

    public string? Title { get; private set; }

    public Stream? Comments => Opened(PolisFiles.Comments);

    public Stream? ParticipantsVotes => Opened(PolisFiles.ParticipantsVotes);

    public Stream? Votes => Opened(PolisFiles.Votes);

    /// <summary>
    /// participants-votes.csv's spooled file, handed over: the upload no longer deletes it when disposed, its
    /// new owner does (an import plan reads the votes from it again as it writes them).
    /// </summary>
    public Stream? TakeParticipantsVotes() => files.Remove(PolisFiles.ParticipantsVotes, out var file) ? file : null;

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Length is > 0 and <= 70;

    /// <summary>Reads the parts; throws <see cref="PolisFormatException"/> for a file over its limit and
    /// <see cref="InvalidDataException"/> or <see cref="IOException"/> for a broken body.</summary>
    public static async Task<PolisUpload> ReadAsync(Stream body, string contentType, long maxBytesPerFile, CancellationToken cancellation)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, body);
        var upload = new PolisUpload();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    throw new InvalidDataException("A part has no Content-Disposition.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                if ((KnownFile(name) ?? KnownFile(fileName)) is { } known && !upload.files.ContainsKey(known))
                    upload.files[known] = await SpoolAsync(section.Body, known, maxBytesPerFile, cancellation);
                else if (name == "title" && fileName.Length == 0)
                    upload.Title = await ReadTitleAsync(section.Body, cancellation);
                else
                    await section.Body.CopyToAsync(Stream.Null, cancellation);
            }
            return upload;
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in files.Values)
            await file.DisposeAsync();
        files.Clear();
    }

    private static string? KnownFile(string name) =>
        new[] { PolisFiles.Comments, PolisFiles.ParticipantsVotes, PolisFiles.Votes }
            .FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    private static async Task<FileStream> SpoolAsync(Stream part, string fileName, long maxBytes, CancellationToken cancellation)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"deliberation-import-{Path.GetRandomFileName()}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = await part.ReadAsync(buffer, cancellation)) > 0)
            {
                total += n;
                if (total > maxBytes)
                    throw new PolisFormatException(PolisRules.TooLarge, fileName, null, null, $"the file is larger than the limit of {maxBytes} bytes");
                await spool.WriteAsync(buffer.AsMemory(0, n), cancellation);
            }
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> ReadTitleAsync(Stream part, CancellationToken cancellation)
    {
        var buffer = new byte[MaxTitleBytes + 1];
        var length = 0;
        int n;
        while (length < buffer.Length && (n = await part.ReadAsync(buffer.AsMemory(length), cancellation)) > 0)
            length += n;
        // A title longer than this is the domain's to refuse; only its first bytes are worth reading.
        await part.CopyToAsync(Stream.Null, cancellation);
        return Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxTitleBytes));
    }

    private Stream? Opened(string file) => files.GetValueOrDefault(file);
}
