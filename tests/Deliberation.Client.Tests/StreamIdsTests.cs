using Deliberation.Domain;

namespace Deliberation.Client.Tests;

/// <summary>The client reads stream names with the same functions the server writes them with.</summary>
public sealed class StreamIdsTests
{
    private static readonly Guid Id = Guid.NewGuid();

    [Fact]
    public void EachKindOfStreamReadsBackItsOwnId()
    {
        Assert.True(StreamIds.TryDialogueId(StreamIds.Dialogue(Id), out var dialogue));
        Assert.True(StreamIds.TryStatementId(StreamIds.Statement(Id), out var statement));
        Assert.True(StreamIds.TryParticipantId(StreamIds.Participant(Id), out var participant));
        Assert.Equal([Id, Id, Id], [dialogue, statement, participant]);
    }

    [Theory]
    [InlineData("dialogue-")]
    [InlineData("statement")]
    [InlineData("statement-not-a-guid")]
    [InlineData("participant-0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("")]
    public void AnythingElseIsNotAStatementStream(string streamId)
    {
        Assert.False(StreamIds.TryStatementId(streamId, out var id));
        Assert.Equal(Guid.Empty, id);
    }

    [Fact]
    public void AStatementStreamIsNotADialogueStream() =>
        Assert.False(StreamIds.TryDialogueId(StreamIds.Statement(Id), out _));
}
