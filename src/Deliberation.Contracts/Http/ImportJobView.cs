namespace Deliberation.Contracts.Http;

/// <summary>
/// GET /api/imports/{jobId} (and the 202 of POST /api/imports/polis): where an import stands.
/// <see cref="State"/> is reading, writing, done or failed; <see cref="SecondsLeft"/> is an estimate
/// from the rate so far (null until there is one); at the end, <see cref="Result"/> or <see cref="Error"/>.
/// </summary>
public sealed record ImportJobView(
    Guid JobId,
    string State,
    long RowsRead,
    long EventsTotal,
    long EventsWritten,
    double? SecondsLeft,
    ImportedConversation? Result,
    ImportJobError? Error);

/// <summary>Why an import failed: a dotted rule, as every refusal names one, and a sentence for people.</summary>
public sealed record ImportJobError(string Rule, string Message);
