using System.Text.Json;
using Deliberation.Domain;

namespace Deliberation.Grains.EventSourcing;

/// <summary>
/// A value serialised as UTF-8 JSON into a temporary file that deletes itself when closed, positioned at its
/// start: how a state of hundreds of megabytes (an imported statement, its review trace) reaches the store
/// without ever being one string in memory (docs/performance.md, "Session 13: where the memory went, and bounding it").
/// </summary>
public static class SpooledJson
{
    public static async Task<FileStream> WriteAsync<T>(T value, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"deliberation-json-{Path.GetRandomFileName()}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await JsonSerializer.SerializeAsync(file, value, DomainJson.Options, cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
