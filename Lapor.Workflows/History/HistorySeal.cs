using System.Security.Cryptography;
using System.Text;

namespace Lapor.Workflows.History;

/// <summary>
/// The running hash of one command's rows (<see cref="HistoryHash"/>): each row added gives the hash the command
/// would be sealed with if it ended there, so the chain head can move on row by row while only the last row stores it.
/// </summary>
internal sealed class HistorySeal : IDisposable
{
    // Every command hashes several rows; one builder per thread spares a new one each time.
    [ThreadStatic] private static StringBuilder? _text;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HistorySeal(string previousHash)
    {
        var text = Text();
        HistoryHash.Start(text, previousHash);
        HistoryHash.Feed(_hash, text);
    }

    /// <summary>Adds a row; returns the hash of the command so far.</summary>
    public string Add(HistoryEventRow row)
    {
        var text = Text();
        HistoryHash.Append(text, row);
        HistoryHash.Feed(_hash, text);
        if (text.Capacity > 16 * 1024)
            _text = null; // a huge Detail should not stay pinned to the thread
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _hash.Dispose();

    private static StringBuilder Text()
    {
        var text = _text ??= new StringBuilder(512);
        text.Clear();
        return text;
    }
}
