using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Persistence;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// An import writes its events without the grains, so no question has traced it: its job makes and
/// stores the statement's review trace once it is done (docs/architecture.md, "Review"), and the first
/// timeline of the imported dialogue reads that, not a pass over every imported event.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ImportedReviewTraceTests(ServerFixture fixture)
{
    private const string Comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        + "1,x,0,0,5,1,1,Everyone agrees but one\n2,x,1,0,1,3,-1,Rejected by the moderator\n";

    private const string Participants = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n"
        + "0,0,0,2,1,1,1,-1\n1,0,0,2,1,1,1,-1\n2,0,0,2,1,0,1,0\n3,0,0,1,1,0,1,\n4,1,0,2,1,1,-1,1\n5,2,0,1,1,0,1,\n6,,0,1,1,0,,-1\n7,2,0,1,0,1,-1,\n";

    [Fact]
    public async Task AnImportsJobStoresTheTraceOfEveryEventItWrote()
    {
        var store = fixture.Server.Services.GetRequiredService<IEventStore>();
        using var importer = await fixture.Server.NewOrganiserClientAsync();

        var imported = await PolisImportJob.ImportAsync(importer, PolisUpload.Of(Comments, Participants));
        var (dialogueId, statementId) = (imported["dialogueId"]!.GetValue<Guid>(), imported["statementId"]!.GetValue<Guid>());

        // The job stores it after it reports done: wait for it, as a reviewer a moment later would.
        Snapshot? stored = null;
        for (var tries = 0; tries < 100 && stored is null; tries++)
        {
            stored = await store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(statementId));
            if (stored is null)
                await Task.Delay(100);
        }
        Assert.NotNull(stored);
        var trace = DomainJson.Deserialize<ReviewTraceSnapshot>(stored.StateJson);
        var events = await store.ReadScopeAsync(StreamIds.Scope(dialogueId));
        Assert.Equal(events.Count, trace.Read);
        Assert.Equal(events[^1].Position, trace.LastPosition);
        Assert.Contains(trace.Moments, m => m.Kind == MomentKind.ClauseAdded);

        var timeline = await importer.GetJsonAsync($"/api/dialogues/{dialogueId}/statements/{statementId}/review/timeline");
        Assert.Contains(timeline["moments"]!.AsArray(), m => (string?)m!["kind"] == "clause-added");
    }
}
