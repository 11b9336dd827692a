using System.Globalization;
using Jint;
using Jint.Native;

namespace Lapor.Workflows.Expressions;

/// <summary>
/// Moves values between .NET and the script. Only primitives and string arrays cross, never CLR objects,
/// so a script cannot reach .NET members through a value it was given.
/// </summary>
internal static class JsValueConverter
{
    // Doubles beyond 2^63 cannot be represented as long; the bound is exclusive because 2^63 itself overflows.
    private const double LongUpperBound = 9.2233720368547758E18;

    public static JsValue ToJs(Engine engine, object? value) => value switch
    {
        null => JsValue.Null,
        string text => new JsString(text),
        bool flag => flag ? JsBoolean.True : JsBoolean.False,
        char character => new JsString(character.ToString()),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            => new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateTimeOffset moment => new JsString(moment.ToString("O", CultureInfo.InvariantCulture)),
        DateTime moment => new JsString(moment.ToString("O", CultureInfo.InvariantCulture)),
        IReadOnlyList<string> list => ToJsArray(engine, list),
        IFormattable formattable => new JsString(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => value.ToString() is { } text ? new JsString(text) : JsValue.Null,
    };

    /// <summary>
    /// Converts a script result; false for objects, functions, symbols and big integers, which have no
    /// agreed meaning for callers of the engine.
    /// </summary>
    public static bool TryToClr(JsValue value, out object? result)
    {
        result = null;
        if (value.IsNull() || value.IsUndefined())
        {
            return true;
        }

        if (value.IsBoolean())
        {
            result = value.AsBoolean();
            return true;
        }

        if (value.IsString())
        {
            result = value.ToString();
            return true;
        }

        if (value.IsNumber())
        {
            result = FromNumber(value.AsNumber());
            return true;
        }

        if (value.IsArray())
        {
            return TryArrayToClr(value.AsArray(), out result);
        }

        return false;
    }

    public static string Describe(JsValue value)
    {
        if (value.IsObject())
        {
            return value.IsCallable() ? "a function" : "an object";
        }

        return value.IsSymbol() ? "a symbol" : value.IsBigInt() ? "a BigInt" : $"a {value.Type}";
    }

    private static object FromNumber(double number) =>
        double.IsFinite(number) && Math.Floor(number) == number && number >= -LongUpperBound && number < LongUpperBound
            ? (object)(long)number
            : number;

    private static JsArray ToJsArray(Engine engine, IReadOnlyList<string> list)
    {
        var items = new JsValue[list.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = list[i] is { } item ? new JsString(item) : JsValue.Null;
        }

        return new JsArray(engine, items);
    }

    // An all-string array comes back as string[], which callers can use as IReadOnlyList<string> or IReadOnlyList<object?>.
    private static bool TryArrayToClr(JsArray array, out object? result)
    {
        result = null;
        var items = new object?[array.Length];
        bool allStrings = true;
        for (uint i = 0; i < array.Length; i++)
        {
            if (!TryToClr(array.Get(i), out object? item))
            {
                return false;
            }

            items[i] = item;
            allStrings &= item is string;
        }

        result = allStrings ? Array.ConvertAll(items, item => (string)item!) : items;
        return true;
    }
}
