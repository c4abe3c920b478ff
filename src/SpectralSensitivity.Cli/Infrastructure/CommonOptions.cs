using SpectralSensitivity.Decomposition;
using System.CommandLine;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Factories for the options several commands share (a fresh instance per command).</summary>
internal static class CommonOptions
{
    /// <summary>The formats every matrix option accepts, for help texts.</summary>
    public const string Formats = ".npy (float64/float32/integer/bool, C or Fortran order), .npz (FILE.npz:NAME picks an array), .csv (comma or whitespace separated, optional header), .mtx (MatrixMarket)";

    public static Option<string> Matrix(string description = "The matrix A") => new("--matrix", "-A")
    {
        Description = $"{description}: {Formats}",
        Required = true,
    };

    public static Option<string> Direction(bool required, string description = "The direction E, same shape as A") => new("--direction", "-E")
    {
        Description = $"{description}: same formats as --matrix",
        Required = required,
    };

    public static Option<string> Index(bool required, string what = "1-based index k of the singular value (s_1 is the largest)") => new("--index", "-k")
    {
        Description = $"{what}: {IndexSelection.Syntax}",
        Required = required,
        DefaultValueFactory = required ? null : _ => "1",
    };

    public static Option<int> Order(bool required, int fallback = 6) => new("--order", "-N")
    {
        Description = $"Highest derivative order N (1..{SingularValueDerivatives.MaxOrder}; closed form up to {SingularValueDerivatives.MaxClosedFormOrder})",
        Required = required,
        DefaultValueFactory = required ? null : _ => fallback,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON object to stdout instead of tables",
    };

    public static Option<string> Method()
    {
        var option = new Option<string>("--method")
        {
            Description = "recursion (O(N^2), any order) or closed-form (Kato's trace sum, exponential in N)",
            DefaultValueFactory = _ => DerivativeMethod.Recursion,
        };
        option.AcceptOnlyFromAmong(DerivativeMethod.Recursion, DerivativeMethod.ClosedForm);
        return option;
    }
}

/// <summary>The values of <c>--refinement</c>.</summary>
internal static class RefinementOption
{
    public const string None = "none";
    public const string ExtendedPrecision = "extended-precision";

    public static Option<string> Create()
    {
        var option = new Option<string>("--refinement")
        {
            Description = "none (double-precision SVD or eigendecomposition) or extended-precision (refined in double-double: values "
                + "and vectors exact to a few ulps; orders 1..8 within 1e-11 of a 50-digit reference; 3x the SVD's cost at 30x20, 25x at 300x200)",
            DefaultValueFactory = _ => None,
        };
        option.AcceptOnlyFromAmong(None, ExtendedPrecision);
        return option;
    }

    public static DecompositionRefinement Parse(string value) => value == ExtendedPrecision ? DecompositionRefinement.ExtendedPrecision : DecompositionRefinement.None;
}

/// <summary>The two algorithms behind <c>--method</c>.</summary>
internal static class DerivativeMethod
{
    public const string Recursion = "recursion";
    public const string ClosedForm = "closed-form";
}
