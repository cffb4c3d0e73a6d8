using Deliberation.Polis;

namespace Deliberation.Server.Polis;

/// <summary>
/// How large an import may be (docs/api.md, "Limits"): <c>Imports:MaxFileBytes</c> a file (32 MiB),
/// and a request at most three such files and 1 MiB for the form around them, unless
/// <c>Imports:MaxRequestBytes</c> says otherwise. A declared length over the request's limit is refused
/// before the body is read.
/// </summary>
public sealed record ImportLimits(PolisLimits Reader, long MaxRequestBytes)
{
    public static ImportLimits From(IConfiguration configuration)
    {
        var perFile = configuration.GetValue("Imports:MaxFileBytes", PolisImporter.Limits.MaxBytesPerFile);
        return new ImportLimits(
            PolisImporter.Limits with { MaxBytesPerFile = perFile },
            configuration.GetValue("Imports:MaxRequestBytes", 3 * perFile + 1024 * 1024));
    }
}
