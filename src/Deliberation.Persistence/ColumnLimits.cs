namespace Deliberation.Persistence;

/// <summary>
/// Column lengths of the store; at least the domain's own text limits. Payloads and snapshots
/// are unbounded text: the domain bounds what goes into them.
/// </summary>
public static class ColumnLimits
{
    public const int StreamId = 200;
    public const int Scope = 200;
    public const int EventType = 200;
    public const int Actor = 200;
    public const int Hash = 64;
    public const int Title = 200;
    public const int Track = 100;
    public const int Phase = 50;
    public const int Confidentiality = 50;
    public const int Venue = 200;
    public const int DisplayName = 200;
    public const int Role = 50;
    public const int CodeHash = 128;
    public const int ChainProblem = 500;

    /// <summary>A culture name such as "zh-Hans"; BCP 47 tags this app uses are far shorter.</summary>
    public const int CultureName = 16;
}
