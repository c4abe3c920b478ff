using System.CommandLine;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>What <c>derivatives</c> and <c>eig-derivatives</c> compute for the selected index.</summary>
internal enum ClusterRequest
{
    /// <summary>The value's own derivatives (a repeated or zero value exits 3).</summary>
    Value,

    /// <summary><c>--cluster-mean</c>: the derivatives of the mean of the cluster that holds the value.</summary>
    Mean,

    /// <summary><c>--branches</c>: the analytic branches of every member of that cluster.</summary>
    Branches,
}

/// <summary>The options <c>--cluster-mean</c>, <c>--branches</c> and <c>--cluster-tolerance REL</c>.</summary>
internal sealed class ClusterOptions
{
    public Option<bool> Mean { get; } = new("--cluster-mean")
    {
        Description = "Derivatives of the mean of the cluster (repeated or nearly repeated values) that holds s_k; analytic where the members cross",
    };

    public Option<bool> Branches { get; } = new("--branches")
    {
        Description = "The analytic branches of every member of the cluster that holds s_k (largest first for small t > 0); for zero singular values the signed branches and the left-sided derivatives",
    };

    public Option<double?> Tolerance { get; } = new("--cluster-tolerance")
    {
        Description = "Relative tolerance REL: neighbouring values closer than REL times the largest join the cluster (default: exact repeats up to rounding)",
    };

    public IEnumerable<Option> All => [Mean, Branches, Tolerance];

    /// <summary>The options of the commands that offer only the mean (<c>gradient</c>, <c>hvp</c>, <c>hessian</c>).</summary>
    public IEnumerable<Option> MeanOnly => [Mean, Tolerance];

    /// <summary>Whether <c>--cluster-mean</c> was given, and the tolerance; for the commands with <see cref="MeanOnly"/>.</summary>
    /// <exception cref="UsageException">A tolerance without <c>--cluster-mean</c>.</exception>
    public (bool Mean, double? Tolerance) ParseMean(ParseResult parse)
    {
        var mean = parse.GetValue(Mean);
        var tolerance = parse.GetValue(Tolerance);
        if (tolerance is not null && !mean)
        {
            throw new UsageException("--cluster-tolerance needs --cluster-mean");
        }

        return (mean, tolerance);
    }

    /// <summary>The request, after checking that the flags fit together.</summary>
    /// <exception cref="UsageException">Both flags, a tolerance without either, or the closed form with either.</exception>
    public (ClusterRequest Request, double? Tolerance) Parse(ParseResult parse, string method)
    {
        var mean = parse.GetValue(Mean);
        var branches = parse.GetValue(Branches);
        var tolerance = parse.GetValue(Tolerance);
        if (mean && branches)
        {
            throw new UsageException("--cluster-mean and --branches exclude each other: ask for one");
        }

        var request = mean ? ClusterRequest.Mean : branches ? ClusterRequest.Branches : ClusterRequest.Value;
        if (tolerance is not null && request == ClusterRequest.Value)
        {
            throw new UsageException("--cluster-tolerance needs --cluster-mean or --branches");
        }

        if (request != ClusterRequest.Value && method == DerivativeMethod.ClosedForm)
        {
            throw new UsageException("--cluster-mean and --branches use the block recursion; drop --method closed-form");
        }

        return (request, tolerance);
    }
}
