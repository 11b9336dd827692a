using Lapor.Fuzz.Targets;
using SharpFuzz;

// Usage: Lapor.Fuzz <target>             run under afl-fuzz (see fuzz.sh)
//        Lapor.Fuzz <target> <file>...   replay inputs once, e.g. a crash afl-fuzz saved
var targets = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
{
    [BpmnReaderTarget.Name] = BpmnReaderTarget.Run,
    [ExpressionTarget.Name] = ExpressionTarget.Run,
    [ReportJsonTarget.Name] = ReportJsonTarget.Run,
};

if (args.Length == 0 || !targets.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Lapor.Fuzz <{string.Join('|', targets.Keys)}> [input files to replay]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        using var stream = File.OpenRead(file);
        run(stream);
        Console.WriteLine($"ok {file}");
    }
    return 0;
}

Fuzzer.OutOfProcess.Run(run);
return 0;
