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
        using var client = await fixture.Server.NewOrganiserClientAsync();
        var before = await StoreCounts.OfAsync(fixture.Server);

        var response = await client.Http.PostAsync("/api/imports/polis", PolisUpload.Of(PolisUpload.Utf8(Comments), new GeneratedCsv(40L * 1024 * 1024)));

        var problem = await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "polis.too-large");
        Assert.Contains("participants-votes.csv", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await StoreCounts.OfAsync(fixture.Server));
    }

    /// <summary>A participants-votes.csv of the given length made as it is read, so the test holds no copy of it.</summary>
    internal sealed class GeneratedCsv(long length) : Stream
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
