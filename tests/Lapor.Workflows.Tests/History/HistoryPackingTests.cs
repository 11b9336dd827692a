using Lapor.Workflows.History;

namespace Lapor.Workflows.Tests.History;

/// <summary>The packed record format alone: every field comes back exactly, damaged bytes are refused.</summary>
public sealed class HistoryPackingTests
{
    private const string Chain = "01a24c93-1a19-70c0-813c-6952946b39ed";
    private static readonly DateTime T0 = new(2026, 12, 6, 18, 17, 18, DateTimeKind.Utc);

    private static HistoryEventRow Event(long seq, HistoryEventKind kind, Action<HistoryEventRow>? fill = null)
    {
        var row = new HistoryEventRow { ChainId = Chain, Seq = seq, Kind = kind, Time = T0, InstanceId = Chain, DefinitionId = "lapor:1:d1", Actor = "guest" };
        fill?.Invoke(row);
        return row;
    }

    private static List<List<HistoryEventRow>> Sample() =>
    [
        [
            Event(1, HistoryEventKind.InstanceStarted, e => { e.ActivityId = "start"; e.Value = "LPR-1"; }),
            Event(2, HistoryEventKind.VariableSet, e => { e.Name = "title"; e.ValueType = "String"; e.Value = "Lampu jalan mati 💡 di Jl. Gatot Subroto"; }),
            Event(3, HistoryEventKind.ActivityStarted, e => { e.ActivityId = "verify"; e.ActivityType = "userTask"; e.ActivityName = "Verifikasi"; e.ActivityInstanceId = "01a24c93-1a1a-7000-8000-000000000001"; e.ExecutionId = Chain; }),
            Event(4, HistoryEventKind.TaskCreated, e => { e.ActivityId = "verify"; e.ActivityName = "Verifikasi"; e.ActivityInstanceId = "01a24c93-1a1a-7000-8000-000000000001"; e.ExecutionId = Chain; e.TaskId = "01a24c93-1a1a-7000-8000-000000000002"; e.Detail = "{\"Name\":\"Verifikasi\",\"Priority\":50}"; }),
        ],
        [
            // Earlier than the event before it, an upper-case id (not the canonical GUID form), no actor, no definition.
            Event(5, HistoryEventKind.TaskCompleted, e => { e.Time = T0.AddTicks(-7); e.Actor = null; e.DefinitionId = null; e.ActivityId = "verify"; e.ActivityName = "Verifikasi"; e.TaskId = "01A24C93-1A1A-7000-8000-000000000002"; e.Value = "completed"; e.Detail = "{\"Name\":\"Verifikasi\",\"Priority\":50}"; }),
            Event(6, HistoryEventKind.UserOperation, e => { e.Time = T0.AddSeconds(3); e.Actor = "admin"; e.Name = "Complete"; e.Detail = new string('x', 70_000); }),
            Event(7, HistoryEventKind.ActivityStarted, e => { e.ActivityId = "child"; e.ActivityType = "startEvent"; e.ParentActivityInstanceId = "scope-1"; e.Value = ""; }),
            Event(8, HistoryEventKind.ActivityEnded, e => { e.ActivityId = "child"; e.ActivityType = "startEvent"; e.Value = "completed"; }),
            Event(9, HistoryEventKind.InstanceEnded, e => { e.Value = "Completed"; }),
        ],
    ];

    [Fact]
    public void EveryFieldOfEveryEvent_ComesBackExactly_CommandByCommand()
    {
        var commands = Sample();
        var back = HistoryPacking.Unpack(Chain, 1, HistoryPacking.Pack(Chain, commands.ToList<IReadOnlyList<HistoryEventRow>>()));

        Assert.Equal(commands.Select(c => c.Count), back.Select(c => c.Count));
        foreach (var (expected, actual) in commands.SelectMany(c => c).Zip(back.SelectMany(c => c)))
        {
            // The seal binds every field, so equal seals mean equal events.
            Assert.Equal(HistoryHash.Compute(HistoryHash.Genesis, [expected]), HistoryHash.Compute(HistoryHash.Genesis, [actual]));
            Assert.Equal(expected.Seq, actual.Seq);
            Assert.Equal(DateTimeKind.Utc, actual.Time.Kind);
        }
    }

    [Fact]
    public void AnOpenRecord_IsNotDeflated_AndComesBackExactlyToo()
    {
        var commands = Sample().ToList<IReadOnlyList<HistoryEventRow>>();
        var open = HistoryPacking.Pack(Chain, commands, lasting: false);
        Assert.Equal(1, open[0]); // the format byte, not a deflate block
        var back = HistoryPacking.Unpack(Chain, 1, open, lasting: false).SelectMany(c => c).ToList();
        Assert.Equal(commands.SelectMany(c => c).Select(e => HistoryHash.Compute(HistoryHash.Genesis, [e])), back.Select(e => HistoryHash.Compute(HistoryHash.Genesis, [e])));
        Assert.Throws<InvalidDataException>(() => HistoryPacking.Unpack(Chain, 1, open[..(open.Length / 2)], lasting: false));
    }

    [Fact]
    public void EventsNumberFromTheRecordsFirstSeq()
    {
        var back = HistoryPacking.Unpack(Chain, 41, HistoryPacking.Pack(Chain, Sample().ToList<IReadOnlyList<HistoryEventRow>>()));
        Assert.Equal(Enumerable.Range(41, 9).Select(i => (long)i), back.SelectMany(c => c).Select(e => e.Seq));
    }

    [Fact]
    public void RepeatedFields_CostAlmostNothing()
    {
        // Twenty node visits of the same instance, execution and actor: far less than their text.
        var events = Enumerable.Range(1, 40).Select(i => Event(i, i % 2 == 1 ? HistoryEventKind.ActivityStarted : HistoryEventKind.ActivityEnded, e =>
        {
            e.ActivityId = $"node{(i + 1) / 2}";
            e.ActivityType = "serviceTask";
            e.ActivityName = $"Langkah {(i + 1) / 2}";
            e.ExecutionId = Chain;
            e.ActivityInstanceId = Guid.CreateVersion7().ToString();
        })).ToList();
        var packed = HistoryPacking.Pack(Chain, [events]);
        var text = events.Sum(e => e.ChainId.Length + e.InstanceId!.Length + e.DefinitionId!.Length + e.ActivityId!.Length + e.ActivityType!.Length + e.ActivityName!.Length + e.ActivityInstanceId!.Length + e.ExecutionId!.Length);
        Assert.True(packed.Length * 5 < text, $"{packed.Length} bytes packed for {text} characters of fields");
    }

    [Fact]
    public void CutOrForeignBytes_AreRefused()
    {
        var packed = HistoryPacking.Pack(Chain, Sample().ToList<IReadOnlyList<HistoryEventRow>>());
        Assert.Throws<InvalidDataException>(() => HistoryPacking.Unpack(Chain, 1, packed[..(packed.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => HistoryPacking.Unpack(Chain, 1, [0x01, 0x02, 0x03, 0x04]));
    }
}
