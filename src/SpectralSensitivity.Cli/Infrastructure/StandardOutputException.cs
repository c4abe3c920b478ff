namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The result could not be written to standard output (closed or broken pipe): exit code 1 with one error line.</summary>
internal sealed class StandardOutputException(Exception inner) : Exception($"cannot write the result to standard output: {inner.Message}", inner);
