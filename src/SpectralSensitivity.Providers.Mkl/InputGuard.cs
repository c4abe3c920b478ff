using System.Numerics;
using SpectralSensitivity.Providers.Mkl.Errors;

namespace SpectralSensitivity.Providers.Mkl;

/// <summary>Argument checks that run before any native call: array lengths and finiteness.</summary>
internal static class InputGuard
{
    /// <summary>Throws unless <paramref name="data"/> is non-null and holds at least (or, when <paramref name="exact"/>, exactly) <paramref name="required"/> entries.</summary>
    internal static void Length<T>(T[]? data, long required, string paramName, bool exact = true)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (exact ? data.Length != required : data.Length < required)
        {
            throw new ArgumentException(
                $"The array has length {data.Length}; {(exact ? "expected" : "expected at least")} {required}.", paramName);
        }
    }

    /// <summary>Throws <see cref="NonFiniteInputException"/> when the first <paramref name="count"/> entries hold NaN or an infinity.</summary>
    /// <remarks>O(count), vectorised: <c>x - x</c> is zero exactly for finite <c>x</c>.</remarks>
    internal static void Finite(ReadOnlySpan<double> data, int count, string routine, string paramName)
    {
        var span = data[..count];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= count - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(span[i..]);
                if (!Vector.EqualsAll(v - v, Vector<double>.Zero))
                {
                    break;
                }
            }
        }

        for (; i < count; i++)
        {
            if (!double.IsFinite(span[i]))
            {
                throw new NonFiniteInputException(routine, paramName, i, span[i]);
            }
        }
    }
}
