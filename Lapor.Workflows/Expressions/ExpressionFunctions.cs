using System.Collections.Concurrent;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Lapor.Workflows.Expressions;

/// <summary>
/// Named functions that expressions may call, such as <c>workingDays(5)</c> or <c>now()</c>.
/// Configure once at startup and share; adding and evaluating may overlap safely.
/// </summary>
/// <remarks>
/// A function name may not be a JavaScript keyword, a JUEL operator word or a standard JavaScript global, so a
/// function never hides part of the language. When a process variable has the same name as a function, the
/// function wins: models cannot break engine-provided functions by setting a variable.
/// </remarks>
public sealed class ExpressionFunctions
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import",
        "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
        "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
        "with", "yield",
    };

    private static readonly Lazy<HashSet<string>> StandardGlobals = new(() =>
        new HashSet<string>(new Engine().Global.GetOwnPropertyKeys().Select(key => key.ToString()), StringComparer.Ordinal));

    private readonly ConcurrentDictionary<string, Registration> _functions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => [.. _functions.Keys];

    public ExpressionFunctions Add(string name, Func<object?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Register(name, 0, _ => function());
    }

    public ExpressionFunctions Add(string name, Func<double, object?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Register(name, 1, arguments => function(NumberArgument(name, arguments[0])));
    }

    public ExpressionFunctions Add(string name, Func<string, object?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Register(name, 1, arguments => function(StringArgument(name, arguments[0])));
    }

    internal void InstallInto(Engine engine)
    {
        foreach ((string name, Registration registration) in _functions)
        {
            engine.SetValue(
                name,
                new ClrFunction(
                    engine,
                    name,
                    (_, arguments) => JsValueConverter.ToJs(engine, Invoke(name, registration, arguments)),
                    registration.Arity));
        }
    }

    private static object? Invoke(string name, Registration registration, JsValue[] arguments)
    {
        if (arguments.Length != registration.Arity)
        {
            string expected = registration.Arity == 1 ? "1 argument" : $"{registration.Arity} arguments";
            throw new ExpressionFunctionException(name, $"expects {expected}, got {arguments.Length}");
        }

        try
        {
            return registration.Call(arguments);
        }
        catch (ExpressionFunctionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ExpressionFunctionException(name, $"threw {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static double NumberArgument(string name, JsValue argument)
    {
        // JUEL coerces numeric strings, so '5' is accepted like 5.
        double number = argument.IsNumber() ? argument.AsNumber()
            : argument.IsString() ? TypeConverter.ToNumber(argument)
            : double.NaN;
        return double.IsNaN(number)
            ? throw new ExpressionFunctionException(name, $"expects a number, got '{argument}'")
            : number;
    }

    private static string StringArgument(string name, JsValue argument)
    {
        if (argument.IsNull() || argument.IsUndefined() || argument.IsObject() || argument.IsSymbol())
        {
            throw new ExpressionFunctionException(name, $"expects a string, got '{argument}'");
        }

        return argument.IsNumber()
            ? argument.AsNumber().ToString(CultureInfo.InvariantCulture)
            : TypeConverter.ToString(argument);
    }

    private ExpressionFunctions Register(string name, int arity, Func<JsValue[], object?> call)
    {
        ValidateName(name);
        if (!_functions.TryAdd(name, new Registration(arity, call)))
        {
            throw new ArgumentException($"Expression function '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool isIdentifier = name.Length > 0 && JsLexing.IsIdentifierStart(name[0]) && name.All(JsLexing.IsIdentifierPart);
        if (!isIdentifier)
        {
            throw new ArgumentException($"Expression function name '{name}' is not an identifier.", nameof(name));
        }

        if (Keywords.Contains(name) || JuelTranslator.ReservedWords.Contains(name))
        {
            throw new ArgumentException($"Expression function name '{name}' is a reserved word.", nameof(name));
        }

        if (StandardGlobals.Value.Contains(name))
        {
            throw new ArgumentException($"Expression function name '{name}' would hide the JavaScript global '{name}'.", nameof(name));
        }
    }

    private sealed record Registration(int Arity, Func<JsValue[], object?> Call);
}
