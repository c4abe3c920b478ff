namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>An option value the parser accepted but the command cannot use (e.g. a non-positive number of points); exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
