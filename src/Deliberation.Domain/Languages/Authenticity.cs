namespace Deliberation.Domain.Languages;

/// <summary>
/// Which working languages are authentic (docs/domain.md, "Languages"): the source language alone,
/// its translations being aids to reading, or every working language equally, as UN texts are.
/// </summary>
public enum Authenticity
{
    /// <summary>The first working language is authoritative; translations are read but not signed.</summary>
    SourceAuthoritative,

    /// <summary>Every working language is authentic: each is frozen, hashed and signed.</summary>
    EquallyAuthentic,
}
