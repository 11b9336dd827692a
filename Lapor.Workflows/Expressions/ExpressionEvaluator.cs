using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Lapor.Workflows.Expressions;

/// <summary>
/// Evaluates Camunda-style <c>${...}</c> / <c>#{...}</c> expressions as sandboxed JavaScript (with JUEL word
/// operators translated). Thread-safe; register as a singleton so the parse cache is shared.
/// </summary>
public sealed class ExpressionEvaluator
{
    internal const int MaxCachedTexts = 2000;
    internal static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);
    private const long MemoryLimitBytes = 4 * 1024 * 1024;
    private const int MaxStatements = 1000;
    private const int MaxRecursionDepth = 32;
    private const uint MaxArrayLength = 10_000;
    private const string NotDefinedSuffix = " is not defined";

    private readonly ConcurrentDictionary<string, CompiledText> _cache = new(StringComparer.Ordinal);

    internal int CachedTextCount => _cache.Count;

    /// <summary>True when the text contains <c>${</c> or <c>#{</c> followed somewhere by <c>}</c>.</summary>
    /// <remarks>A lone <c>${</c> without any closing brace is not counted here, though <see cref="Check"/> reports it as unclosed.</remarks>
    public static bool IsExpression(string? text)
    {
        if (text is null)
        {
            return false;
        }

        int opening = JsLexing.FindOpening(text, 0);
        return opening >= 0 && text.IndexOf('}', opening + 2) >= 0;
    }

    /// <summary>
    /// Deploy-time check without variables: every expression part must parse and use only allowed constructs
    /// (no functions, loops, classes, <c>new</c>, assignments, <c>import</c> or <c>eval</c>).
    /// </summary>
    public ExpressionCheck Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CompiledText compiled = GetCompiled(text);
        return compiled.Error is null ? ExpressionCheck.Valid : ExpressionCheck.Invalid(compiled.Error);
    }

    /// <summary>
    /// Evaluates the text. One expression (whitespace around it allowed) gives its typed value: bool, string,
    /// long for integral numbers, double otherwise, string[] or object?[] for arrays, or null. Literal text mixed
    /// with expressions gives the concatenated string; text without expressions is returned unchanged.
    /// </summary>
    /// <exception cref="ExpressionException">The text does not pass <see cref="Check"/>, uses an unknown variable, or fails.</exception>
    public object? Evaluate(string text, IReadOnlyDictionary<string, object?> variables, ExpressionFunctions? functions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        CompiledText compiled = GetCompiled(text);
        if (compiled.Error is not null)
        {
            throw new ExpressionException(compiled.Error, compiled.ErrorExpression ?? text);
        }

        if (!compiled.HasExpressions)
        {
            return text;
        }

        Engine engine = CreateEngine(variables, functions);
        if (compiled.Single is { } single)
        {
            JsValue value = Run(engine, single);
            return JsValueConverter.TryToClr(value, out object? result)
                ? result
                : throw new ExpressionException(
                    $"Expression '{single.Source}' gave {JsValueConverter.Describe(value)}; expected a string, number, boolean, array or null",
                    single.Source);
        }

        var output = new StringBuilder();
        foreach (TemplatePart part in compiled.Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    output.Append(literal.Text);
                    break;
                case ScriptPart script:
                    output.Append(RunAsText(engine, script));
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>Evaluates a condition; the result must be a boolean, JavaScript truthiness is not applied.</summary>
    /// <exception cref="ExpressionException">The expression fails or gives anything but true or false.</exception>
    public bool EvaluateCondition(string text, IReadOnlyDictionary<string, object?> variables, ExpressionFunctions? functions = null)
    {
        object? result = Evaluate(text, variables, functions);
        if (result is bool condition)
        {
            return condition;
        }

        string condensed = text.Trim();
        string gave = result switch
        {
            null => "null",
            IEnumerable<object?> items => $"'{string.Join(",", items)}' ({result.GetType().Name})",
            IFormattable formattable => $"'{formattable.ToString(null, CultureInfo.InvariantCulture)}' ({result.GetType().Name})",
            _ => $"'{result}' ({result.GetType().Name})",
        };
        throw new ExpressionException($"Condition '{condensed}' gave {gave}, expected true or false", condensed);
    }

    private CompiledText GetCompiled(string text)
    {
        if (_cache.TryGetValue(text, out CompiledText? cached))
        {
            return cached;
        }

        CompiledText compiled = CompiledText.Compile(text);
        // Models hold a bounded set of expressions, so reaching the bound means texts are generated
        // dynamically; dropping everything keeps memory flat at the cost of re-parsing the hot ones once.
        if (_cache.Count >= MaxCachedTexts)
        {
            _cache.Clear();
        }

        _cache.TryAdd(text, compiled);
        return compiled;
    }

    // A fresh engine per evaluation costs a few microseconds and guarantees that nothing a script does to
    // globals or built-in prototypes leaks into the next evaluation.
    private static Engine CreateEngine(IReadOnlyDictionary<string, object?> variables, ExpressionFunctions? functions)
    {
        var engine = new Engine(options =>
        {
            options.Strict()
                .TimeoutInterval(TimeLimit)
                .LimitMemory(MemoryLimitBytes)
                .MaxStatements(MaxStatements)
                .LimitRecursion(MaxRecursionDepth)
                .DisableStringCompilation();
            options.Constraints.MaxArraySize = MaxArrayLength;
            options.Constraints.RegexTimeout = TimeLimit;
            options.Culture = CultureInfo.InvariantCulture;
        });

        // repeat allocates its whole result before the memory limit is next checked, so 'x'.repeat(1e9)
        // could exhaust the process; the other string builders are caught by the limits.
        engine.GetValue("String").AsObject().Get("prototype").AsObject().RemoveOwnProperty("repeat");

        foreach ((string name, object? value) in variables)
        {
            engine.SetValue(name, JsValueConverter.ToJs(engine, value));
        }

        functions?.InstallInto(engine);
        return engine;
    }

    private static JsValue Run(Engine engine, ScriptPart part) => Guard(part, () => engine.Evaluate(part.Script));

    private static string RunAsText(Engine engine, ScriptPart part) => Guard(part, () =>
    {
        JsValue value = engine.Evaluate(part.Script);
        // JUEL renders null as empty text in composite expressions; JavaScript would print "null".
        return value.IsNull() || value.IsUndefined() ? string.Empty : TypeConverter.ToString(value);
    });

    private static T Guard<T>(ScriptPart part, Func<T> evaluate)
    {
        string source = part.Source;
        try
        {
            return evaluate();
        }
        catch (JavaScriptException ex) when (UndefinedName(ex) is { } name)
        {
            throw new ExpressionException($"Unknown variable '{name}' in expression '{source}'", source, ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"Expression '{source}' failed: {ErrorName(ex)}: {ex.Message}", source, ex);
        }
        catch (ExpressionFunctionException ex)
        {
            throw new ExpressionException(
                $"Expression '{source}' failed: function '{ex.FunctionName}' {ex.Message}", source, ex.InnerException ?? ex);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ExpressionException(
                $"Expression '{source}' failed: a regular expression ran longer than {TimeLimit.TotalMilliseconds} ms", source, ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException(
                $"Expression '{source}' failed: it ran longer than {TimeLimit.TotalMilliseconds} ms", source, ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException($"Expression '{source}' failed: {ex.Message}", source, ex);
        }
    }

    private static string? UndefinedName(JavaScriptException ex) =>
        ErrorName(ex) == "ReferenceError" && ex.Message.EndsWith(NotDefinedSuffix, StringComparison.Ordinal)
            ? ex.Message[..^NotDefinedSuffix.Length]
            : null;

    private static string ErrorName(JavaScriptException ex) =>
        ex.Error.IsObject() ? ex.Error.AsObject().Get("name").ToString() : "Error";
}
