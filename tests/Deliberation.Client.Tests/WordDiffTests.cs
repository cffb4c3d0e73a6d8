using Deliberation.Contracts.Review;

namespace Deliberation.Client.Tests;

public sealed class WordDiffTests
{
    [Fact]
    public void ChangedWordsAreMarkedAndTheRestKept()
    {
        var segments = WordDiff.Segments("spend at least one third on safety", "spend at least 20% on safety");

        Assert.Equal("spend at least one third on safety", string.Concat(segments.Where(s => s.Kind != TextSegmentKinds.Added).Select(s => s.Text)));
        Assert.Equal("spend at least 20% on safety", string.Concat(segments.Where(s => s.Kind != TextSegmentKinds.Removed).Select(s => s.Text)));
        Assert.Contains(segments, s => s.Kind == TextSegmentKinds.Removed && s.Text.Contains("third"));
        Assert.Contains(segments, s => s.Kind == TextSegmentKinds.Added && s.Text.Contains("20%"));
    }

    [Fact]
    public void TextIsRenderedAsTextNeverMarkup()
    {
        var segments = WordDiff.Segments("a", "<script>alert(1)</script>");

        Assert.Equal("<script>alert(1)</script>", string.Concat(segments.Where(s => s.Kind != TextSegmentKinds.Removed).Select(s => s.Text)));
    }
}
