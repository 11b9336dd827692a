using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Lapor.Workflows.History;

/// <summary>
/// The stored form of a history record (decision 031): the events of one or more commands of one chain, packed and
/// deflated. Most fields of an event repeat the event before it (the same instance, execution, actor and time), so an
/// event stores a bit per field it changes and only those values; a text met before in the record is a back
/// reference, and an id in the canonical GUID form is 16 bytes instead of 36 characters. An activity's type and name
/// are predicted from the last event of the same activity, so a node's end costs its kind and a few bits. Decoding
/// restores every field exactly; the seal is computed over the decoded events (<see cref="HistoryHash"/>), so the
/// packing can change without touching what the hashes bind.
/// </summary>
internal static class HistoryPacking
{
    private const byte Format = 1;

    /// <summary>
    /// Which fields an event stores rather than takes from its prediction: the ones that change on most events come
    /// first, so their flags fit in the number's first byte.
    /// </summary>
    [Flags]
    private enum Changed
    {
        None = 0,
        ActivityId = 1 << 0,
        Value = 1 << 1,
        ActivityType = 1 << 2,
        ActivityName = 1 << 3,
        ActivityInstanceId = 1 << 4,
        Name = 1 << 5,
        ValueType = 1 << 6,
        Detail = 1 << 7,
        TaskId = 1 << 8,
        ExecutionId = 1 << 9,
        ParentActivityInstanceId = 1 << 10,
        Time = 1 << 11,
        Actor = 1 << 12,
        InstanceId = 1 << 13,
        DefinitionId = 1 << 14,
    }

    /// <summary>
    /// Texts most records hold (node types, endings, value types, operations): known to both sides before the first
    /// event, so each costs a one-byte reference. Append only; a change of order would misread stored records.
    /// </summary>
    private static readonly string[] Known =
    [
        "startEvent", "endEvent", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask", "receiveTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "intermediateCatchEvent",
        "intermediateThrowEvent", "boundaryEvent", "subProcess", "callActivity", "completed", "canceled", "Completed",
        "String", "Long", "Integer", "Boolean", "Double", "Null", "Json", "Date", "Complete", "Claim", "Unclaim",
        "SetAssignee", "CorrelateMessage", "SetVariables",
    ];

    /// <summary>
    /// Pieces of the JSON the engine writes into details (task snapshots, decisions, operations), each stored as one
    /// control character: JSON text never holds a raw control character, so the substitution reverses exactly, and a
    /// text that does hold one is stored as it is. Append only, at most 31.
    /// </summary>
    private static readonly string[] Phrases =
    [
        "{\"Name\":\"", "\",\"TaskDefinitionKey\":\"", "\",\"Priority\":", ",\"Due\":\"", "\",\"FormKey\":\"lapor:", "\",\"Created\":\"",
        "\",\"CandidateUsers\":[", "],\"CandidateGroups\":[", "{\"DecisionKey\":\"", "\",\"Version\":", ",\"DecisionDefinitionId\":\"",
        "\",\"Inputs\":[{\"Id\":\"", "\",\"Title\":\"", "\",\"Value\":{\"Type\":\"", "\",\"Text\":", "]," + "\"MatchedRules\":[{\"Id\":\"",
        "\",\"Number\":", "}],\"Outputs\":[{", "\"ResultVariable\":\"", "\",\"Result\":{\"Type\":\"", "{\"variables\":[", "{\"messageName\":\"",
        ",\"Assignee\":\"", ",\"Owner\":\"", ",\"Description\":\"", ",\"FollowUp\":\"", "}},{\"Id\":\"", ":{\"Type\":\"", "\"Text\":null}",
    ];

    /// <summary>
    /// Packs the commands' events (each command's list in order) of chain <paramref name="chainId"/>. An open record
    /// (<paramref name="lasting"/> false) lives only until its instance ends, so it is not deflated: setting up a
    /// deflater for every command cost more engine time than the bytes are worth.
    /// </summary>
    public static byte[] Pack(string chainId, IReadOnlyList<IReadOnlyList<HistoryEventRow>> commands, bool lasting = true)
    {
        var writer = new Writer();
        writer.Byte(Format);
        writer.Number((ulong)commands.Count);
        foreach (var command in commands)
            writer.Number((ulong)command.Count);
        var before = Predicted.Start(chainId);
        foreach (var command in commands)
            foreach (var row in command)
            {
                var guess = before.For(row.ActivityId, row.TaskId, row.Kind);
                var changed = Changed.None;
                if (row.Time.Ticks != before.Ticks) changed |= Changed.Time;
                if (row.Actor != before.Actor) changed |= Changed.Actor;
                if (row.InstanceId != before.InstanceId) changed |= Changed.InstanceId;
                if (row.DefinitionId != before.DefinitionId) changed |= Changed.DefinitionId;
                if (row.ActivityId != before.ActivityId) changed |= Changed.ActivityId;
                if (row.ActivityType != guess.ActivityType) changed |= Changed.ActivityType;
                if (row.ActivityName != guess.ActivityName) changed |= Changed.ActivityName;
                if (row.ActivityInstanceId != before.ActivityInstanceId) changed |= Changed.ActivityInstanceId;
                if (row.ParentActivityInstanceId != guess.Parent) changed |= Changed.ParentActivityInstanceId;
                if (row.ExecutionId != before.ExecutionId) changed |= Changed.ExecutionId;
                if (row.TaskId != before.TaskId) changed |= Changed.TaskId;
                if (row.Name is not null) changed |= Changed.Name;
                if (row.ValueType is not null) changed |= Changed.ValueType;
                if (row.Value is not null) changed |= Changed.Value;
                if (row.Detail != guess.Detail) changed |= Changed.Detail;

                writer.Byte((byte)row.Kind);
                writer.Number((ulong)changed);
                if (changed.HasFlag(Changed.Time)) writer.Signed(row.Time.Ticks - before.Ticks);
                if (changed.HasFlag(Changed.Actor)) writer.Text(row.Actor);
                if (changed.HasFlag(Changed.InstanceId)) writer.Text(row.InstanceId);
                if (changed.HasFlag(Changed.DefinitionId)) writer.Text(row.DefinitionId);
                if (changed.HasFlag(Changed.ActivityId)) writer.Text(row.ActivityId);
                if (changed.HasFlag(Changed.ActivityType)) writer.Text(row.ActivityType);
                if (changed.HasFlag(Changed.ActivityName)) writer.Text(row.ActivityName);
                if (changed.HasFlag(Changed.ActivityInstanceId)) writer.Text(row.ActivityInstanceId);
                if (changed.HasFlag(Changed.ParentActivityInstanceId)) writer.Text(row.ParentActivityInstanceId);
                if (changed.HasFlag(Changed.ExecutionId)) writer.Text(row.ExecutionId);
                if (changed.HasFlag(Changed.TaskId)) writer.Text(row.TaskId);
                if (changed.HasFlag(Changed.Name)) writer.Text(row.Name);
                if (changed.HasFlag(Changed.ValueType)) writer.Text(row.ValueType);
                if (changed.HasFlag(Changed.Value)) writer.Text(row.Value);
                if (changed.HasFlag(Changed.Detail)) writer.Text(row.Detail, phrases: true);
                before.Remember(row);
            }
        return lasting ? Deflate(writer.ToArray()) : writer.ToArray();
    }

    /// <summary>
    /// The commands of a packed record, their events numbered from <paramref name="firstSeq"/>; throws
    /// <see cref="InvalidDataException"/> when the bytes are not a record (damaged or edited).
    /// </summary>
    public static List<List<HistoryEventRow>> Unpack(string chainId, long firstSeq, byte[] packed, bool lasting = true)
    {
        var reader = new Reader(lasting ? Inflate(packed) : packed);
        if (reader.Byte() != Format)
            throw new InvalidDataException("the record is in an unknown format");
        var sizes = new int[Checked(reader.Number(), 100_000)];
        for (var i = 0; i < sizes.Length; i++)
            sizes[i] = Checked(reader.Number(), 1_000_000);
        var before = Predicted.Start(chainId);
        var seq = firstSeq;
        var commands = new List<List<HistoryEventRow>>(sizes.Length);
        foreach (var size in sizes)
        {
            var command = new List<HistoryEventRow>(size);
            for (var i = 0; i < size; i++)
            {
                var kind = (HistoryEventKind)reader.Byte();
                if (!Enum.IsDefined(kind))
                    throw new InvalidDataException($"event {seq} has an unknown kind");
                var changed = (Changed)reader.Number();
                var ticks = changed.HasFlag(Changed.Time) ? before.Ticks + reader.Signed() : before.Ticks;
                if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
                    throw new InvalidDataException($"event {seq} has a time out of range");
                var row = new HistoryEventRow { ChainId = chainId, Seq = seq++, Kind = kind, Time = new DateTime(ticks, DateTimeKind.Utc) };
                row.Actor = changed.HasFlag(Changed.Actor) ? reader.Text() : before.Actor;
                row.InstanceId = changed.HasFlag(Changed.InstanceId) ? reader.Text() : before.InstanceId;
                row.DefinitionId = changed.HasFlag(Changed.DefinitionId) ? reader.Text() : before.DefinitionId;
                row.ActivityId = changed.HasFlag(Changed.ActivityId) ? reader.Text() : before.ActivityId;
                // The guesses hang on the task id, which is stored after them: read them first, fill them in after.
                var typeChanged = changed.HasFlag(Changed.ActivityType) ? reader.Text() : null;
                var nameChanged = changed.HasFlag(Changed.ActivityName) ? reader.Text() : null;
                row.ActivityInstanceId = changed.HasFlag(Changed.ActivityInstanceId) ? reader.Text() : before.ActivityInstanceId;
                var parentChanged = changed.HasFlag(Changed.ParentActivityInstanceId) ? reader.Text() : null;
                row.ExecutionId = changed.HasFlag(Changed.ExecutionId) ? reader.Text() : before.ExecutionId;
                row.TaskId = changed.HasFlag(Changed.TaskId) ? reader.Text() : before.TaskId;
                var guess = before.For(row.ActivityId, row.TaskId, kind);
                row.ActivityType = changed.HasFlag(Changed.ActivityType) ? typeChanged : guess.ActivityType;
                row.ActivityName = changed.HasFlag(Changed.ActivityName) ? nameChanged : guess.ActivityName;
                row.ParentActivityInstanceId = changed.HasFlag(Changed.ParentActivityInstanceId) ? parentChanged : guess.Parent;
                row.Name = changed.HasFlag(Changed.Name) ? reader.Text() : null;
                row.ValueType = changed.HasFlag(Changed.ValueType) ? reader.Text() : null;
                row.Value = changed.HasFlag(Changed.Value) ? reader.Text() : null;
                row.Detail = changed.HasFlag(Changed.Detail) ? reader.Text() : guess.Detail;
                before.Remember(row);
                command.Add(row);
            }
            commands.Add(command);
        }
        if (!reader.AtEnd)
            throw new InvalidDataException("the record has bytes after its last event");
        return commands;
    }

    /// <summary>A stored record's commands (lasting records are deflated, open ones not).</summary>
    public static List<List<HistoryEventRow>> Unpack(HistoryRecord record) =>
        Unpack(record.ChainId, record.Seq, record.Packed, lasting: record is HistoryRecordRow);

    /// <summary>Packs <paramref name="commands"/> into <paramref name="record"/> as its kind of record stores them.</summary>
    public static void Repack(HistoryRecord record, IReadOnlyList<IReadOnlyList<HistoryEventRow>> commands) =>
        record.Packed = Pack(record.ChainId, commands, lasting: record is HistoryRecordRow);

    private static int Checked(ulong value, int most) =>
        value <= (ulong)most ? (int)value : throw new InvalidDataException("the record's counts are out of range");

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Inflate(byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// What the next event is expected to hold: the previous event's values, and per activity (and task) the type,
    /// name it had last, a node start the parent of the start before, a task event the task's snapshot. Pack and Unpack move it on identically.
    /// </summary>
    private sealed class Predicted
    {
        private readonly Dictionary<(string?, bool), (string? Type, string? Name)> _activities = [];
        private readonly Dictionary<string, string?> _snapshots = new(StringComparer.Ordinal);
        private string? _startParent;

        public long Ticks { get; private set; }
        public string? Actor { get; private set; }
        public string? InstanceId { get; private set; }
        public string? DefinitionId { get; private set; }
        public string? ActivityId { get; private set; }
        public string? ActivityInstanceId { get; private set; }
        public string? ExecutionId { get; private set; }
        public string? TaskId { get; private set; }

        public static Predicted Start(string chainId) => new() { InstanceId = chainId };

        public (string? ActivityType, string? ActivityName, string? Parent, string? Detail) For(string? activityId, string? taskId, HistoryEventKind kind)
        {
            var (type, name) = _activities.GetValueOrDefault((activityId, IsTask(kind)));
            var detail = IsTask(kind) && taskId is not null ? _snapshots.GetValueOrDefault(taskId) : null;
            // Only a node's start names its parent scope, and nodes started one after another mostly share it.
            return (type, name, kind == HistoryEventKind.ActivityStarted ? _startParent : null, detail);
        }

        public void Remember(HistoryEventRow row)
        {
            Ticks = row.Time.Ticks;
            Actor = row.Actor;
            InstanceId = row.InstanceId;
            DefinitionId = row.DefinitionId;
            ActivityId = row.ActivityId;
            ActivityInstanceId = row.ActivityInstanceId;
            ExecutionId = row.ExecutionId;
            TaskId = row.TaskId;
            if (row.ActivityId is not null)
                _activities[(row.ActivityId, IsTask(row.Kind))] = (row.ActivityType, row.ActivityName);
            if (row.Kind == HistoryEventKind.ActivityStarted)
                _startParent = row.ParentActivityInstanceId;
            if (IsTask(row.Kind) && row.TaskId is not null)
                _snapshots[row.TaskId] = row.Detail;
        }

        private static bool IsTask(HistoryEventKind kind) =>
            kind is HistoryEventKind.TaskCreated or HistoryEventKind.TaskUpdated or HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _bytes = new();
        private static readonly FrozenDictionary<string, int> KnownIndex =
            Known.Select((text, i) => (text, i)).ToFrozenDictionary(k => k.text, k => k.i, StringComparer.Ordinal);

        // Texts this record added, numbered after the known ones.
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public void Byte(byte value) => _bytes.WriteByte(value);

        public void Number(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }

        public void Signed(long value) => Number((ulong)((value << 1) ^ (value >> 63)));

        /// <summary>
        /// 0 is null; else (n &lt;&lt; 2 | tag) + 1: tag 0 the n-th text seen before (after the known ones), 1 new UTF-8
        /// text, 2 new GUID, 3 new UTF-8 text with <see cref="Phrases"/> as control characters.
        /// </summary>
        public void Text(string? value, bool phrases = false)
        {
            if (value is null)
            {
                Number(0);
                return;
            }
            if (KnownIndex.TryGetValue(value, out var index) || _seen.TryGetValue(value, out index))
            {
                Number(((ulong)index << 2) + 1);
                return;
            }
            _seen[value] = Known.Length + _seen.Count;
            if (IsCanonicalGuid(value, out var guid))
            {
                Number(2 + 1);
                Span<byte> raw = stackalloc byte[16];
                guid.TryWriteBytes(raw, bigEndian: true, out _);
                _bytes.Write(raw);
                return;
            }
            var coded = phrases && !value.Any(char.IsControl);
            var utf8 = Encoding.UTF8.GetBytes(coded ? Shorten(value) : value);
            Number(coded ? 3u + 1 : 1u + 1);
            Number((ulong)utf8.Length);
            _bytes.Write(utf8);
        }

        public byte[] ToArray() => _bytes.ToArray();

        private static string Shorten(string text)
        {
            var builder = new StringBuilder(text);
            for (var i = 0; i < Phrases.Length; i++)
                builder.Replace(Phrases[i], ((char)(i + 1)).ToString());
            return builder.ToString();
        }

        private static bool IsCanonicalGuid(string value, out Guid guid) =>
            Guid.TryParseExact(value, "D", out guid) && string.Equals(guid.ToString("D"), value, StringComparison.Ordinal);
    }

    private sealed class Reader(byte[] bytes)
    {
        private readonly List<string> _seen = [.. Known];
        private int _at;

        public bool AtEnd => _at == bytes.Length;

        public byte Byte() => _at < bytes.Length ? bytes[_at++] : throw new InvalidDataException("the record ends too early");

        public ulong Number()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                    return value;
            }
            throw new InvalidDataException("the record holds a malformed number");
        }

        public long Signed()
        {
            var value = Number();
            return (long)(value >> 1) ^ -(long)(value & 1);
        }

        public string? Text()
        {
            var value = Number();
            if (value == 0)
                return null;
            value--;
            var tag = value & 3;
            switch (tag)
            {
                case 0:
                    var index = value >> 2;
                    return index < (ulong)_seen.Count ? _seen[(int)index] : throw new InvalidDataException("the record refers to a text it does not hold");
                case 1 or 3:
                    var length = Checked(Number(), bytes.Length - _at);
                    var text = Encoding.UTF8.GetString(bytes, _at, length);
                    _at += length;
                    if (tag == 3)
                        text = Lengthen(text);
                    _seen.Add(text);
                    return text;
                case 2:
                    if (bytes.Length - _at < 16)
                        throw new InvalidDataException("the record ends too early");
                    var guid = new Guid(bytes.AsSpan(_at, 16), bigEndian: true).ToString("D");
                    _at += 16;
                    _seen.Add(guid);
                    return guid;
                default:
                    throw new InvalidDataException("the record holds a text of an unknown form");
            }
        }

        private static string Lengthen(string text)
        {
            var builder = new StringBuilder(text.Length * 2);
            foreach (var c in text)
            {
                if (c >= 1 && c <= Phrases.Length)
                    builder.Append(Phrases[c - 1]);
                else if (char.IsControl(c))
                    throw new InvalidDataException("the record holds a control character no phrase stands for");
                else
                    builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
