using System.Globalization;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The one-line stderr warning when a result's expected relative error exceeds <see cref="ExpansionCondition.WarningThreshold"/>.</summary>
/// <remarks>The result is still printed (exit 0); the warning names the value, its gap, the condition figure and the cluster options
/// that compute what is well defined at a nearly repeated value.</remarks>
internal static class AccuracyWarning
{
    /// <summary>The options for nearly repeated values, named in the warning.</summary>
    public const string ClusterOptions = "--cluster-mean or --branches with --cluster-tolerance";

    /// <summary>The warning text for <paramref name="condition"/>, or null when the expected error is under the threshold.</summary>
    /// <param name="condition">The condition of the result.</param>
    /// <param name="valueName">E.g. "s_2" or "mu_3".</param>
    /// <param name="resultName">What is expected to be inaccurate, e.g. "D_4" or "the Hessian".</param>
    public static string? For(ExpansionCondition condition, string valueName, string resultName)
    {
        if (!condition.ExceedsWarningThreshold)
        {
            return null;
        }

        var error = condition.ExpectedRelativeError(condition.Order);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{valueName} is only {condition.Gap:G3} from the rest of the spectrum (condition figure {condition.Figure:G3}); {resultName} is expected to be off by a relative {error:G2} " +
            $"(above {ExpansionCondition.WarningThreshold:G1}); for a nearly repeated value use {ClusterOptions}");
    }

    /// <summary>Adds the warning for <paramref name="condition"/> to <paramref name="context"/> when there is one; returns its text (for JSON) or null.</summary>
    public static string? Report(CliContext context, ExpansionCondition condition, string valueName, string resultName)
    {
        var warning = For(condition, valueName, resultName);
        if (warning is not null)
        {
            context.Warn(warning);
        }

        return warning;
    }
}
