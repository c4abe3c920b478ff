using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Turns an exception into an exit code and exactly one <c>error:</c> line (plus the stack trace with <c>--verbose</c>).</summary>
internal static class ErrorReporter
{
    /// <summary>The exit code an exception maps to.</summary>
    public static int ExitCodeOf(Exception exception) => exception switch
    {
        UndefinedDerivativeException => ExitCodes.Undefined,
        InvalidSpectralInputException or UsageException => ExitCodes.BadInput,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => ExitCodes.BadInput,
        _ => ExitCodes.Unexpected,
    };

    /// <summary>Writes the error line to <paramref name="stderr"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter stderr, bool verbose)
    {
        var code = ExitCodeOf(exception);
        var message = code == ExitCodes.Unexpected
            ? $"unexpected failure ({exception.GetType().Name}): {exception.Message}"
            : exception.Message;
        WriteLine(stderr, message);
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }

        return code;
    }

    /// <summary>Writes one <c>error:</c> line, folding any line breaks in the message into spaces.</summary>
    public static void WriteLine(TextWriter stderr, string message)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        stderr.WriteLine($"error: {oneLine}");
    }
}
