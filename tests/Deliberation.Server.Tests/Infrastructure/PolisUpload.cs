using System.Net.Http.Headers;
using System.Text;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>A Pol.is export as the multipart form POST /api/imports/polis takes.</summary>
public static class PolisUpload
{
    public static MultipartFormDataContent Of(Stream comments, Stream participantsVotes, Stream? votes = null, string? title = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(File(comments), "comments.csv", "comments.csv");
        form.Add(File(participantsVotes), "participants-votes.csv", "participants-votes.csv");
        if (votes is not null)
            form.Add(File(votes), "votes.csv", "votes.csv");
        if (title is not null)
            form.Add(new StringContent(title), "title");
        return form;
    }

    public static MultipartFormDataContent Of(string comments, string participantsVotes, string? votes = null) =>
        Of(Utf8(comments), Utf8(participantsVotes), votes is null ? null : Utf8(votes));

    public static MultipartFormDataContent FromFolder(string folder, bool withVotes = true) =>
        Of(System.IO.File.OpenRead(Path.Combine(folder, "comments.csv")),
           System.IO.File.OpenRead(Path.Combine(folder, "participants-votes.csv")),
           withVotes ? System.IO.File.OpenRead(Path.Combine(folder, "votes.csv")) : null);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static StreamContent File(Stream content)
    {
        var part = new StreamContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return part;
    }
}
