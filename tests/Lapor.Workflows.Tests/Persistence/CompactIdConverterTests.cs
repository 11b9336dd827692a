using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Tests.Persistence;

public sealed class CompactIdConverterTests
{
    [Theory]
    [InlineData("01a24c93-1a19-70c0-813c-6952946b39ed", 16)]
    [InlineData("engine", 7)]
    [InlineData("audit-reveal-log", 17)]
    [InlineData("fifteen-chars-x", 17)] // 1 + 15 bytes would be 16: kept apart from a GUID by a second mark
    [InlineData("01A24C93-1A19-70C0-813C-6952946B39ED", 37)] // not the canonical form: stored as text, comes back as it was
    [InlineData("", 1)]
    [InlineData("Jalan 🚧", 11)]
    public void AnId_ComesBackExactly(string id, int storedLength)
    {
        var bytes = CompactIdConverter.ToBytes(id);
        Assert.Equal(storedLength, bytes.Length);
        Assert.Equal(id, CompactIdConverter.FromBytes(bytes));
    }
}
