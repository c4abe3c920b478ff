using System.Globalization;
using System.Text;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Execution;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Turns an exception into an exit code and exactly one <c>error:</c> line (plus the stack trace with <c>--verbose</c>).</summary>
/// <remarks>The line is safe to print on a terminal: control characters (e.g. escape sequences from a crafted file) are shown as
/// <c>\u001b</c>, line breaks are folded into spaces, and a line longer than <see cref="MaxLength"/> characters is shortened in the middle.</remarks>
internal static class ErrorReporter
{
    /// <summary>The longest error line printed, in characters (the head and the tail of a longer message are kept).</summary>
    public const int MaxLength = 1000;

    /// <summary>The exit code an exception maps to.</summary>
    public static int ExitCodeOf(Exception exception) => exception switch
    {
        StudyTrialException { InnerException: { } cause } => ExitCodeOf(cause),
        StudyIncompleteException => ExitCodes.Incomplete,
        StandardOutputException => ExitCodes.Unexpected,
        UndefinedDerivativeException => ExitCodes.Undefined,
        KrylovConvergenceException => ExitCodes.NotConverged,
        InvalidSpectralInputException or UsageException => ExitCodes.BadInput,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => ExitCodes.BadInput,
        _ => ExitCodes.Unexpected,
    };

    /// <summary>Writes the error line to <paramref name="stderr"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter stderr, bool verbose)
    {
        var code = ExitCodeOf(exception);
        var message = code switch
        {
            ExitCodes.Unexpected when exception is not StandardOutputException => $"unexpected failure ({Cause(exception).GetType().Name}): {exception.Message}",
            ExitCodes.NotConverged => $"{exception.Message}; --decomposition dense computes the same quantities without iterating",
            _ => exception.Message,
        };
        WriteLine(stderr, message);
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }

        return code;
    }

    /// <summary>The exception that decides the exit code: a failed study trial's cause, else the exception itself.</summary>
    private static Exception Cause(Exception exception) => exception is StudyTrialException { InnerException: { } cause } ? Cause(cause) : exception;

    /// <summary>Writes one <c>error:</c> line: line breaks folded into spaces, control characters escaped, shortened past <see cref="MaxLength"/>.</summary>
    public static void WriteLine(TextWriter stderr, string message) => stderr.WriteLine($"error: {OneLine(message)}");

    /// <summary>The message as one printable line of at most <see cref="MaxLength"/> characters.</summary>
    public static string OneLine(string message)
    {
        var folded = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (folded.Length > MaxLength)
        {
            var keep = (MaxLength - 40) / 2;
            folded = $"{folded[..keep]} ... ({(folded.Length - 2 * keep).ToString(CultureInfo.InvariantCulture)} characters left out) ... {folded[^keep..]}";
        }

        var line = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                line.Append(c);
            }
        }

        return line.ToString();
    }
}
