namespace Lapor.Workflows.Migration;

public enum MigrationBatchState { Running, Completed }
