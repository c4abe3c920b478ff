namespace SpectralSensitivity.IO;

/// <summary>The matrix file formats that <see cref="MatrixFile"/> reads and writes.</summary>
public enum MatrixFileFormat
{
    /// <summary>NumPy's binary <c>.npy</c> format (float64, float32, integers or bools, versions 1.0 to 3.0).</summary>
    Npy,

    /// <summary>Delimited text: comma, semicolon, tab or whitespace separated values (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>).</summary>
    Csv,

    /// <summary>MatrixMarket exchange format (<c>.mtx</c>), array or coordinate, real or integer.</summary>
    MatrixMarket,

    /// <summary>NumPy's <c>.npz</c> archive of named <c>.npy</c> arrays (<c>np.savez</c>, <c>np.savez_compressed</c>).</summary>
    Npz,
}
