namespace Deliberation.Domain;

/// <summary>Small validators shared by the deciders, each returning the error to refuse with, or null.</summary>
internal static class Check
{
    public static RuleError? Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? RuleError.Invalid($"{field}.required", $"{Capitalise(field)} must not be empty.") : null;
        if (TooLong(value, field, maxLength) is { } tooLong)
            return tooLong;
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return RuleError.Invalid($"{field}.control-characters", $"{Capitalise(field)} contains control characters.");
        return null;
    }

    /// <summary>The one refusal for text over its limit, so every path that measures a field answers alike.</summary>
    public static RuleError? TooLong(string value, string field, int maxLength) => value.Length > maxLength
        ? RuleError.Invalid($"{field}.too-long", $"{Capitalise(field)} is {value.Length} characters; at most {maxLength} are allowed.")
        : null;

    /// <summary>Normalises line endings and trims, so the same words always hash the same.</summary>
    public static string Clean(string value) => value.Replace("\r\n", "\n").Replace('\r', '\n').Trim().Normalize();

    public static string? CleanOptional(string? value) => string.IsNullOrWhiteSpace(value) ? null : Clean(value);

    private static string Capitalise(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}
