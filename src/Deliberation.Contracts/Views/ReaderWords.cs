using System.Globalization;
using System.Resources;
using Deliberation.Domain;

namespace Deliberation.Contracts.Views;

/// <summary>
/// The words people read for a clause's kind and status — in the room and in exported documents
/// alike — never the enum's own names: one table (ReaderWords.resx, and ReaderWords.zh-Hans.resx for
/// Chinese readers), so the room and the published text cannot drift.
/// </summary>
public static class ReaderWords
{
    private static readonly ResourceManager Words = new(typeof(ReaderWords));

    /// <summary>In English: what a document reads unless it is asked for another language.</summary>
    public static string Of(ClauseKind kind) => Of(kind, CultureInfo.InvariantCulture);

    /// <summary>In English: what a document reads unless it is asked for another language.</summary>
    public static string Of(ClauseStatus status) => Of(status, CultureInfo.InvariantCulture);

    public static string Of(ClauseKind kind, CultureInfo culture) => Words.GetString("Kind_" + kind, culture) ?? kind.ToString();

    public static string Of(ClauseStatus status, CultureInfo culture) => Words.GetString("Status_" + status, culture) ?? status.ToString();
}
