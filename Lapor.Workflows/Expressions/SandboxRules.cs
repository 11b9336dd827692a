using Acornima.Ast;

namespace Lapor.Workflows.Expressions;

/// <summary>
/// Deploy-time rules on the parsed expression. Without statements, functions or classes an expression cannot
/// loop, so runaway work is limited to single built-in calls, which the engine constraints cover.
/// </summary>
internal static class SandboxRules
{
    /// <summary>Returns why the program is not allowed, or null when it is a single permitted expression.</summary>
    public static string? FindViolation(Script program)
    {
        if (program.Body.Count == 0)
        {
            return "it contains no expression";
        }

        foreach (Statement statement in program.Body)
        {
            if (statement is not ExpressionStatement)
            {
                return DescribeStatement(statement);
            }
        }

        if (program.Body.Count > 1)
        {
            return "it must be a single expression, not several statements";
        }

        var pending = new Stack<Node>();
        pending.Push(program.Body[0]);
        while (pending.Count > 0)
        {
            Node node = pending.Pop();
            string? violation = DescribeNode(node);
            if (violation is not null)
            {
                return violation;
            }

            foreach (Node? child in node.ChildNodes)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        return null;
    }

    private static string DescribeStatement(Statement statement) => statement.Type switch
    {
        NodeType.WhileStatement or NodeType.DoWhileStatement or NodeType.ForStatement
            or NodeType.ForInStatement or NodeType.ForOfStatement => "loops are not allowed",
        NodeType.FunctionDeclaration => "functions are not allowed",
        NodeType.ClassDeclaration => "classes are not allowed",
        NodeType.VariableDeclaration => "declarations are not allowed",
        NodeType.ImportDeclaration or NodeType.ExportAllDeclaration or NodeType.ExportDefaultDeclaration
            or NodeType.ExportNamedDeclaration => "modules are not allowed",
        _ => "it must be a single expression, not a statement",
    };

    private static string? DescribeNode(Node node) => node switch
    {
        FunctionExpression or ArrowFunctionExpression => "functions are not allowed",
        ClassExpression => "classes are not allowed",
        NewExpression => "'new' is not allowed",
        AssignmentExpression or UpdateExpression => "assignments are not allowed",
        ImportExpression or MetaProperty => "'import' is not allowed",
        YieldExpression or AwaitExpression => "'yield' and 'await' are not allowed",
        Identifier { Name: "eval" or "Function" } identifier => $"'{identifier.Name}' is not allowed",
        _ => null,
    };
}
