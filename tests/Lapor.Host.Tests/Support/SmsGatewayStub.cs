using System.Text.RegularExpressions;
using Lapor.Workflows.ServiceTasks;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// Stands in for an SMS gateway behind the <c>kirimSms</c> service task: refuses a number that is not an Indonesian
/// mobile number, so a test can raise an incident, correct the variable and retry.
/// </summary>
public sealed partial class SmsGatewayStub : IServiceTaskHandler
{
    public const string Name = "kirimSms";

    public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct)
    {
        var number = context.Variables.GetValueOrDefault("nomorHp") as string;
        if (number is null || !MobileNumber().IsMatch(number))
            throw new InvalidOperationException($"Nomor HP '{number}' tidak valid");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["smsTerkirimKe"] = number });
    }

    [GeneratedRegex(@"^08\d{8,11}$")]
    private static partial Regex MobileNumber();
}
