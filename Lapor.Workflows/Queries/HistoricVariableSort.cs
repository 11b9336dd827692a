namespace Lapor.Workflows.Queries;

public enum HistoricVariableSort { VariableName, InstanceId }
