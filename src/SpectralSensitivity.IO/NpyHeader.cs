using System.Numerics;

namespace SpectralSensitivity.IO;

/// <summary>The element types the <c>.npy</c> reader accepts.</summary>
internal enum NpyElementType
{
    /// <summary>IEEE 754 binary64, <c>f8</c>.</summary>
    Float64,

    /// <summary>IEEE 754 binary32, <c>f4</c>.</summary>
    Float32,
}

/// <summary>The meaning of an <c>.npy</c> header dict: element type, byte order, memory order and shape.</summary>
/// <param name="ElementType">Float64 or Float32.</param>
/// <param name="BigEndian">Whether elements are stored most significant byte first (<c>'&gt;'</c>).</param>
/// <param name="FortranOrder">Whether the array is stored column by column.</param>
/// <param name="Shape">The dimensions, 0 to many; each non-negative.</param>
internal sealed record NpyHeader(NpyElementType ElementType, bool BigEndian, bool FortranOrder, IReadOnlyList<BigInteger> Shape)
{
    /// <summary>The bytes one element takes.</summary>
    public int ElementSize => ElementType == NpyElementType.Float64 ? 8 : 4;

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

        var (elementType, bigEndian) = ParseDescr(source, Lookup(source, dict, "descr"));
        var fortranOrder = Lookup(source, dict, "fortran_order") as bool?
            ?? throw Invalid(source, "'fortran_order' must be True or False");
        return new NpyHeader(elementType, bigEndian, fortranOrder, ParseShape(source, Lookup(source, dict, "shape")));
    }

    private static object? Lookup(string source, Dictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) ? value : throw Invalid(source, $"the header has no '{key}' key");

    private static (NpyElementType Type, bool BigEndian) ParseDescr(string source, object? descr) => descr switch
    {
        "<f8" => (NpyElementType.Float64, false),
        ">f8" => (NpyElementType.Float64, true),
        "<f4" => (NpyElementType.Float32, false),
        ">f4" => (NpyElementType.Float32, true),
        string other => throw Invalid(source, $"dtype {NumberText.Quote(other)} is not supported; expected float64 ('<f8' or '>f8') or float32 ('<f4' or '>f4')"),
        List<object?> => throw Invalid(source, "structured dtypes are not supported; expected float64 ('<f8') or float32 ('<f4')"),
        _ => throw Invalid(source, "'descr' must be a dtype string such as '<f8'"),
    };

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
