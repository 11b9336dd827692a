using System.Security.Cryptography;
using System.Text;
using Lapor.Host.Infrastructure;

namespace Lapor.Host.Api.Open311;

/// <summary>The partner applications' keys from <c>Lapor:Open311:ApiKeys</c>; none configured means nobody may file.</summary>
public sealed class Open311Keys(LaporOptions options)
{
    private readonly byte[][] _hashes = options.Open311.ApiKeys
        .Where(k => !string.IsNullOrWhiteSpace(k))
        .Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim())))
        .ToArray();

    public bool Accepts(string? key)
    {
        if (string.IsNullOrEmpty(key) || _hashes.Length == 0)
            return false;
        // Compared as hashes in fixed time, so the answer's timing says nothing about how much of a key was right.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var accepted = false;
        foreach (var known in _hashes)
            accepted |= CryptographicOperations.FixedTimeEquals(known, hash);
        return accepted;
    }
}
