namespace Lapor.Host.Audit.Viewer;

/// <summary>How often a node was entered and completed, and how many of its entries still wait (or were cut off).</summary>
public sealed record NodeCounts(int Entered, int Completed, int Waiting, int Canceled);
