namespace SpectralSensitivity.IO;

/// <summary>The element types the <c>.npy</c> reader accepts; every one is widened to double exactly.</summary>
internal enum NpyElementType
{
    /// <summary>IEEE 754 binary64, <c>f8</c>.</summary>
    Float64,

    /// <summary>IEEE 754 binary32, <c>f4</c> (widened exactly).</summary>
    Float32,

    /// <summary>Signed integers of 1, 2, 4 or 8 bytes, <c>i1</c>..<c>i8</c> (8-byte values beyond 2^53 in magnitude must be exactly representable).</summary>
    SignedInteger,

    /// <summary>Unsigned integers of 1, 2, 4 or 8 bytes, <c>u1</c>..<c>u8</c> (as for signed ones).</summary>
    UnsignedInteger,

    /// <summary>NumPy's bool, <c>b1</c>: one byte, 0 is 0.0 and anything else 1.0.</summary>
    Bool,
}
