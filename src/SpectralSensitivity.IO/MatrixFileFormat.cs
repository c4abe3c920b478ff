namespace SpectralSensitivity.IO;

/// <summary>The matrix file formats that <see cref="MatrixFile"/> reads and writes.</summary>
public enum MatrixFileFormat
{
    /// <summary>NumPy's binary <c>.npy</c> format (float64 or float32, versions 1.0 to 3.0).</summary>
    Npy,

    /// <summary>Delimited text: comma, semicolon, tab or whitespace separated values (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>).</summary>
    Csv,

    /// <summary>MatrixMarket exchange format (<c>.mtx</c>), array or coordinate, real or integer.</summary>
    MatrixMarket,
}
