namespace SpectralSensitivity.IO;

/// <summary>How a MatrixMarket file lists its entries.</summary>
internal enum MatrixMarketLayout
{
    /// <summary>Dense: every stored entry in column-major order.</summary>
    Array,

    /// <summary>Sparse: one <c>row column value</c> line per entry, 1-based.</summary>
    Coordinate,
}

/// <summary>Which part of the matrix a MatrixMarket file stores.</summary>
internal enum MatrixMarketSymmetry
{
    /// <summary>Every entry.</summary>
    General,

    /// <summary>The lower triangle with the diagonal; <c>a(j, i) = a(i, j)</c>.</summary>
    Symmetric,

    /// <summary>The strict lower triangle; <c>a(j, i) = -a(i, j)</c> and a zero diagonal.</summary>
    SkewSymmetric,
}

/// <summary>The first line of a MatrixMarket file: <c>%%MatrixMarket matrix layout field symmetry</c>.</summary>
/// <param name="Layout">Array or coordinate.</param>
/// <param name="IntegerField">Whether values are integers (else real).</param>
/// <param name="Symmetry">General, symmetric or skew-symmetric.</param>
internal sealed record MatrixMarketBanner(MatrixMarketLayout Layout, bool IntegerField, MatrixMarketSymmetry Symmetry)
{
    private const string Expected = "expected '%%MatrixMarket matrix array|coordinate real|integer general|symmetric|skew-symmetric'";

    /// <summary>Reads and checks the banner; keywords are compared without regard to case.</summary>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="line">The first line of the file.</param>
    /// <returns>The banner.</returns>
    /// <exception cref="MatrixFileFormatException">The line is not a banner, or it names an unsupported kind of matrix.</exception>
    public static MatrixMarketBanner Parse(string source, ReadOnlySpan<char> line)
    {
        var words = new List<string>(5);
        var fields = new FieldSplitter(line, delimiter: null);
        while (words.Count < 6 && fields.TryNext(out var word))
        {
            words.Add(word.ToString().ToLowerInvariant());
        }

        if (words.Count == 0 || words[0] != "%%matrixmarket")
        {
            throw Invalid(source, $"missing the '%%MatrixMarket' banner; {Expected}");
        }

        if (words.Count != 5)
        {
            throw Invalid(source, $"the banner has {words.Count} words; {Expected}");
        }

        return new MatrixMarketBanner(ParseLayout(source, words[1], words[2]), ParseField(source, words[3]), ParseSymmetry(source, words[4]));
    }

    private static MatrixMarketLayout ParseLayout(string source, string objectWord, string layout) => (objectWord, layout) switch
    {
        ("matrix", "array") => MatrixMarketLayout.Array,
        ("matrix", "coordinate") => MatrixMarketLayout.Coordinate,
        ("matrix", _) => throw Invalid(source, $"format {NumberText.Quote(layout)} is not supported; expected 'array' or 'coordinate'"),
        _ => throw Invalid(source, $"object {NumberText.Quote(objectWord)} is not supported; expected 'matrix'"),
    };

    private static bool ParseField(string source, string field) => field switch
    {
        "real" or "double" => false,
        "integer" => true,
        "complex" => throw Invalid(source, "field 'complex' is not supported; only real and integer matrices can be read"),
        "pattern" => throw Invalid(source, "field 'pattern' is not supported: a pattern matrix has no values; only real and integer matrices can be read"),
        _ => throw Invalid(source, $"field {NumberText.Quote(field)} is not supported; expected 'real' or 'integer'"),
    };

    private static MatrixMarketSymmetry ParseSymmetry(string source, string symmetry) => symmetry switch
    {
        "general" => MatrixMarketSymmetry.General,
        "symmetric" => MatrixMarketSymmetry.Symmetric,
        "skew-symmetric" => MatrixMarketSymmetry.SkewSymmetric,
        _ => throw Invalid(source, $"symmetry {NumberText.Quote(symmetry)} is not supported; expected 'general', 'symmetric' or 'skew-symmetric'"),
    };


    private static MatrixFileFormatException Invalid(string source, string problem) => new(source, problem, line: 1);
}
