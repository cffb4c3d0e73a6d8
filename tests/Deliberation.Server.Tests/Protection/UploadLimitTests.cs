using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Deliberation.Server.Protection;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// docs/api.md, Limits: an import is read as it arrives, each file through its limit, and a body
/// longer than the request's limit is refused — at once when it says its length, at the limit when
/// it is chunked. Nothing is stored.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UploadLimitTests(ServerFixture fixture)
{
    private const string Comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,1,0,1,First\n";

    [Fact]
    public async Task AFortyMebibyteUploadIsRefusedAndStoresNothing()
    {
        using var client = fixture.Server.NewClient();
        var before = await StoreCounts.OfAsync(fixture.Server);

        var response = await client.Http.PostAsync("/api/imports/polis", PolisUpload.Of(PolisUpload.Utf8(Comments), new GeneratedCsv(40L * 1024 * 1024)));

        var problem = await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "polis.too-large");
        Assert.Contains("participants-votes.csv", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await StoreCounts.OfAsync(fixture.Server));
    }

    [Fact]
    public async Task AChunkedBodyIsCutOffAtTheRequestLimit()
    {
        // Files of up to 1 MiB, requests of up to 2 MiB: three files of 900 KiB pass each file's limit, not the request's.
        await using var server = new AddressedServer(("Imports:MaxFileBytes", "1048576"), ("Imports:MaxRequestBytes", "2097152"));
        using var client = server.ClientAt("10.0.4.1");
        var before = await server.EventCountAsync();
        var form = PolisUpload.Of(new GeneratedCsv(900 * 1024), new GeneratedCsv(900 * 1024), new GeneratedCsv(900 * 1024));
        form.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/polis") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        await Expect.RefusedAsync(await client.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
        Assert.Equal(before, await server.EventCountAsync());
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead()
    {
        await using var server = new AddressedServer(("Imports:MaxFileBytes", "1048576"), ("Imports:MaxRequestBytes", "2097152"));
        using var client = server.ClientAt("10.0.4.2");
        var body = new GeneratedCsv(3L * 1024 * 1024);
        var content = new StreamContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        content.Headers.ContentLength = body.Length;

        await Expect.RefusedAsync(await client.Http.PostAsync("/api/imports/polis", content), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
        Assert.True(body.Position < 64 * 1024, $"the server read {body.Position} bytes of a body it refused by its length");
        // Any other endpoint: 1 MiB unless it says otherwise.
        var big = new StringContent(new string(' ', (1024 * 1024) + 1), Encoding.UTF8, "application/json");
        await Expect.RefusedAsync(await client.Http.PostAsync("/api/dialogues", big), HttpStatusCode.RequestEntityTooLarge, RequestSizeLimit.Rule);
    }

    /// <summary>A participants-votes.csv of the given length made as it is read, so the test holds no copy of it.</summary>
    private sealed class GeneratedCsv(long length) : Stream
    {
        private static readonly byte[] Header = Encoding.ASCII.GetBytes("participant,group-id,0,padding\n");
        private static readonly byte[] Row = Encoding.ASCII.GetBytes("0,0,1," + new string('p', 4000) + "\n");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            for (var i = 0; i < n; i++)
            {
                var at = Position + i;
                buffer[offset + i] = at < Header.Length ? Header[at] : Row[(at - Header.Length) % Row.Length];
            }
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
