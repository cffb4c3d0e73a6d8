namespace Deliberation.Client.Resources;

/// <summary>
/// Names the review's texts (Review.resx, Review.zh-Hans.resx) for IStringLocalizer&lt;Resources.Review&gt;;
/// see docs/architecture.md. Written with its namespace where used, since Deliberation.Client.Review is a namespace too.
/// </summary>
public sealed class Review;
