using System.Numerics;

namespace SpectralSensitivity.IO;

/// <summary>The meaning of an <c>.npy</c> header dict: element type, byte order, memory order and shape.</summary>
/// <param name="ElementType">Float64, Float32, a signed or unsigned integer, or bool.</param>
/// <param name="ElementSize">The bytes one element takes.</param>
/// <param name="BigEndian">Whether elements are stored most significant byte first (<c>'&gt;'</c>).</param>
/// <param name="FortranOrder">Whether the array is stored column by column.</param>
/// <param name="Shape">The dimensions, 0 to many; each non-negative.</param>
internal sealed record NpyHeader(NpyElementType ElementType, int ElementSize, bool BigEndian, bool FortranOrder, IReadOnlyList<BigInteger> Shape)
{
    private const string Supported = "expected float64 ('<f8'), float32 ('<f4'), a signed or unsigned integer ('<i1'..'<i8', '|u1'..'<u8') or bool ('|b1'), either byte order";

    /// <summary>Reads the dict literal of an <c>.npy</c> header.</summary>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="headerText">The header text after the length field (the dict, spaces and a newline).</param>
    /// <param name="headerOffset">The byte offset of the header text in the file, for messages.</param>
    /// <returns>The header.</returns>
    /// <exception cref="MatrixFileFormatException">The header is malformed or describes an unsupported array.</exception>
    public static NpyHeader Parse(string source, string headerText, long headerOffset)
    {
        object? literal;
        try
        {
            literal = PythonLiteralParser.Parse(headerText);
        }
        catch (PythonLiteralSyntaxException e)
        {
            throw new MatrixFileFormatException(source, $"the header is not a valid Python dict literal: {e.Message}", byteOffset: headerOffset + e.Position);
        }

        if (literal is not Dictionary<string, object?> dict)
        {
            throw Invalid(source, "the header is not a dict");
        }

        var (elementType, size, bigEndian) = ParseDescr(source, Lookup(source, dict, "descr"));
        var fortranOrder = Lookup(source, dict, "fortran_order") as bool?
            ?? throw Invalid(source, "'fortran_order' must be True or False");
        return new NpyHeader(elementType, size, bigEndian, fortranOrder, ParseShape(source, Lookup(source, dict, "shape")));
    }

    private static object? Lookup(string source, Dictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) ? value : throw Invalid(source, $"the header has no '{key}' key");

    private static (NpyElementType Type, int Size, bool BigEndian) ParseDescr(string source, object? descr) => descr switch
    {
        string { Length: 3 } text when Element(text[1], text[2] - '0') is { } element && ByteOrderFits(text[0], element.Size) =>
            (element.Type, element.Size, text[0] == '>'),
        string other => throw Invalid(source, $"dtype {NumberText.Quote(other)} is not supported; {Supported}"),
        List<object?> => throw Invalid(source, $"structured dtypes are not supported; {Supported}"),
        _ => throw Invalid(source, "'descr' must be a dtype string such as '<f8'"),
    };

    /// <summary>The type a dtype kind and size name: f4, f8; i1, i2, i4, i8; u1, u2, u4, u8; b1.</summary>
    private static (NpyElementType Type, int Size)? Element(char kind, int size) => (kind, size) switch
    {
        ('f', 8) => (NpyElementType.Float64, 8),
        ('f', 4) => (NpyElementType.Float32, 4),
        ('i', 1 or 2 or 4 or 8) => (NpyElementType.SignedInteger, size),
        ('u', 1 or 2 or 4 or 8) => (NpyElementType.UnsignedInteger, size),
        ('b', 1) => (NpyElementType.Bool, 1),
        _ => null,
    };

    /// <summary>'&lt;' or '&gt;' for any size; '|' (not applicable) only for one-byte elements, as NumPy writes them.</summary>
    private static bool ByteOrderFits(char order, int size) => order is '<' or '>' || (order == '|' && size == 1);

    private static List<BigInteger> ParseShape(string source, object? shape)
    {
        if (shape is not List<object?> items)
        {
            throw Invalid(source, "'shape' must be a tuple of integers");
        }

        var dimensions = new List<BigInteger>(items.Count);
        foreach (var item in items)
        {
            dimensions.Add(item is BigInteger { Sign: >= 0 } dimension
                ? dimension
                : throw Invalid(source, $"'shape' must hold non-negative integers, found {item ?? "None"}"));
        }

        return dimensions;
    }


    private static MatrixFileFormatException Invalid(string source, string problem) => new(source, problem);
}
