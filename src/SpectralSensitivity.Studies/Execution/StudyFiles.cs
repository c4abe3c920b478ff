namespace SpectralSensitivity.Studies.Execution;

/// <summary>The files of a study directory.</summary>
/// <param name="Directory">The output directory.</param>
public sealed record StudyFiles(string Directory)
{
    /// <summary><c>study.json</c>: the manifest.</summary>
    public string Manifest => Path.Combine(Directory, "study.json");

    /// <summary><c>results.csv</c>: one row per trial and k.</summary>
    public string Results => Path.Combine(Directory, "results.csv");

    /// <summary><c>summary.json</c>: quantiles per ensemble, k and column.</summary>
    public string Summary => Path.Combine(Directory, "summary.json");

    /// <summary><c>report.html</c>: box plots and error quantiles.</summary>
    public string Report => Path.Combine(Directory, "report.html");

    /// <summary><c>A.npy</c>: the matrices, trials × m × n.</summary>
    public string Matrices => Path.Combine(Directory, "A.npy");

    /// <summary><c>E.npy</c>: the directions, trials × m × n.</summary>
    public string Directions => Path.Combine(Directory, "E.npy");

    /// <summary><c>shards/</c>: the per-shard rows, kept so a rerun skips them.</summary>
    public string Shards => Path.Combine(Directory, "shards");

    /// <summary>The file of shard <paramref name="shard"/>.</summary>
    public string Shard(int shard) => Path.Combine(Shards, $"shard-{shard:D6}.csv");
}
