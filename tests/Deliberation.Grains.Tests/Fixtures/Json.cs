using Deliberation.Domain;

namespace Deliberation.Grains.Tests.Fixtures;

/// <summary>
/// Compares domain values by their one JSON form: the records hold immutable collections, whose
/// equality is by reference, so record equality would call two equal states different.
/// </summary>
public static class Json
{
    public static void Equal<T>(T expected, T actual) =>
        Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(actual));
}
