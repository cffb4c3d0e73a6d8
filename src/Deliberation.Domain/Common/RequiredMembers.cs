using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Deliberation.Domain;

/// <summary>
/// A command read from JSON has every member its record does not mark nullable: a missing or null
/// <c>rules</c>, <c>text</c> or <c>name</c> is a <see cref="JsonException"/> (bad input, 400), not a
/// <see cref="NullReferenceException"/> deep in <c>Decide</c> (a server error). Checked on commands
/// and the domain records inside them, which is all a client sends; events and states are the
/// server's own and are read as they were written.
/// </summary>
public static class RequiredMembers
{
    private const int MaxDepth = 8;
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Required)[]> Members = new();
    private static readonly Lock NullabilityGate = new();

    public static void Check(object command) => Check(command, command.GetType().Name, 0);

    private static void Check(object value, string path, int depth)
    {
        if (depth > MaxDepth)
            return;
        foreach (var (property, required) in MembersOf(value.GetType()))
        {
            var member = property.GetValue(value);
            var at = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            if (member is null)
            {
                if (required)
                    throw new JsonException($"'{at}' is required.");
                continue;
            }
            if (IsDomainRecord(member.GetType()))
                Check(member, at, depth + 1);
            else if (member is IEnumerable items and not string && !IsDefaultImmutableArray(member))
            {
                foreach (var item in items)
                {
                    var element = item is DictionaryEntry entry ? entry.Value : item;
                    if (element is not null && IsDomainRecord(element.GetType()))
                        Check(element, at, depth + 1);
                }
            }
        }
    }

    // A missing list is a default ImmutableArray, which throws when enumerated; Decide reads it as empty.
    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty(nameof(System.Collections.Immutable.ImmutableArray<int>.IsDefault))!.GetValue(value)!;

    private static bool IsDomainRecord(Type type) =>
        type.Assembly == typeof(RequiredMembers).Assembly && type.IsClass && !type.IsAbstract;

    private static (PropertyInfo Property, bool Required)[] MembersOf(Type type) => Members.GetOrAdd(type, t =>
    {
        lock (NullabilityGate)
        {
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.SetMethod is not null)
                .Select(p => (p, !p.PropertyType.IsValueType && Nullability.Create(p).WriteState == NullabilityState.NotNull))
                .ToArray();
        }
    });
}
