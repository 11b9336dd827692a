namespace Lapor.Host.Audit.Performance;

/// <summary>What a <see cref="PerformanceMark"/> says happened to its report at its moment (decision 033).</summary>
public enum PerformanceMarkKind
{
    /// <summary>The report came in.</summary>
    Submitted,

    /// <summary>A stay with an agency started (a disposition or a forward).</summary>
    Stay,

    /// <summary>The agency's handling ended (awaiting confirmation or closed).</summary>
    Finish,

    /// <summary>The reporter rated the answer.</summary>
    Rated,

    /// <summary>The report was held open by an agency at this month's first moment (a period's end) and closed later.</summary>
    OpenAtMonthStart,

    /// <summary>The report has been held open by an agency since this moment and still is.</summary>
    OpenSince,
}
