using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Studies;

/// <summary>The command-line names of <see cref="StudyValidations"/>: <c>hessian</c>, <c>finite-differences</c>, <c>closed-form</c>, <c>extended-precision</c>.</summary>
public static class ValidationNames
{
    private static readonly (string Name, StudyValidations Value)[] Names =
    [
        ("hessian", StudyValidations.Hessian),
        ("finite-differences", StudyValidations.FiniteDifferences),
        ("closed-form", StudyValidations.ClosedForm),
        ("extended-precision", StudyValidations.ExtendedPrecision),
    ];

    /// <summary>Every name, comma-separated.</summary>
    public static string All => string.Join(',', Names.Select(n => n.Name));

    /// <summary>Parses a comma-separated list of names (empty for none).</summary>
    /// <exception cref="InvalidSpectralInputException">An unknown name.</exception>
    public static StudyValidations Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = StudyValidations.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Names.FirstOrDefault(n => n.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new InvalidSpectralInputException($"unknown validation '{part}': expected a comma-separated list of {All}");
            }

            result |= match.Value;
        }

        return result;
    }

    /// <summary>The names of the flags set, comma-separated in a fixed order.</summary>
    public static string Format(StudyValidations validations) =>
        string.Join(',', Names.Where(n => validations.HasFlag(n.Value)).Select(n => n.Name));
}
