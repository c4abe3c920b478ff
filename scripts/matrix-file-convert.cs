#:project ../src/SpectralSensitivity.IO/SpectralSensitivity.IO.csproj
#:property PublishAot=false

// Converts matrix files with SpectralSensitivity.IO: each pair of arguments is INPUT OUTPUT, the formats follow the
// extensions. Used by scripts/check-numpy-roundtrip.py; run it as
//   dotnet run scripts/matrix-file-convert.cs -- in.npy out.csv [in2.csv out2.npy ...]
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

if (args.Length == 0 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: matrix-file-convert INPUT OUTPUT [INPUT OUTPUT ...]");
    return 2;
}

try
{
    for (var k = 0; k < args.Length; k += 2)
    {
        MatrixFile.Write(args[k + 1], MatrixFile.Read(args[k]));
    }
}
catch (InvalidSpectralInputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

Console.WriteLine($"converted {args.Length / 2} files");
return 0;
