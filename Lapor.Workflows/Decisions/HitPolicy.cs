namespace Lapor.Workflows.Decisions;

/// <summary>DMN hit policies Lapor evaluates. PRIORITY and OUTPUT ORDER are refused at deploy time.</summary>
public enum HitPolicy
{
    /// <summary>At most one rule may match; two matching rules are an error (the table is ambiguous).</summary>
    Unique,

    /// <summary>The first matching rule in table order wins.</summary>
    First,

    /// <summary>Several rules may match if they all give the same output.</summary>
    Any,

    /// <summary>Every matching rule, in table order.</summary>
    RuleOrder,

    /// <summary>Every matching rule, optionally folded by an aggregator (SUM, MIN, MAX, COUNT).</summary>
    Collect,
}
