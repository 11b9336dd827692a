namespace Lapor.Workflows.Queries;

public enum HistoricInstanceSort { StartTime, EndTime, InstanceId, DefinitionId, DefinitionKey, BusinessKey }
