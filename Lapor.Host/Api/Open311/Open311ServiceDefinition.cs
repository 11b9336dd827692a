namespace Lapor.Host.Api.Open311;

/// <summary>
/// <c>services/{service_code}.{format}</c>. Lapor's services ask for nothing beyond the standard fields
/// (metadata=false), so the attribute list is always empty.
/// </summary>
public sealed record Open311ServiceDefinition(string ServiceCode, IReadOnlyList<object> Attributes);
