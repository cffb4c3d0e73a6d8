namespace Deliberation.Domain;

/// <summary>How the edge should answer a broken rule: maps to HTTP 400, 403, 404 and 409.</summary>
public enum ErrorKind { Invalid, Forbidden, NotFound, Conflict }

/// <summary>A command refused by a domain rule. <see cref="Rule"/> is a stable dotted name clients can switch on.</summary>
public sealed record RuleError(string Rule, string Message, ErrorKind Kind = ErrorKind.Invalid)
{
    public static RuleError Invalid(string rule, string message) => new(rule, message, ErrorKind.Invalid);
    public static RuleError Forbidden(string rule, string message) => new(rule, message, ErrorKind.Forbidden);
    public static RuleError NotFound(string rule, string message) => new(rule, message, ErrorKind.NotFound);
    public static RuleError Conflict(string rule, string message) => new(rule, message, ErrorKind.Conflict);
}
