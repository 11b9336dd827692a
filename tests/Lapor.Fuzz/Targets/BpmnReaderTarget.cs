using System.Text;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.Parsing;

namespace Lapor.Fuzz.Targets;

/// <summary>
/// A BPMN file as a deployment reads it: parse, then validate every process. Refusing the file with
/// <see cref="DefinitionException"/> is the reader doing its job; any other exception, a stack overflow or a hang is
/// a finding.
/// </summary>
public static class BpmnReaderTarget
{
    public const string Name = "bpmn";

    public static void Run(Stream input)
    {
        // Invalid UTF-8 becomes U+FFFD, as in a file uploaded through the designer.
        var xml = new StreamReader(input, Encoding.UTF8).ReadToEnd();
        try
        {
            var validator = new BpmnValidator(new ExpressionEvaluator());
            foreach (var model in BpmnParser.Parse("fuzz.bpmn", xml))
                validator.Validate(model);
        }
        catch (DefinitionException)
        {
        }
    }
}
