namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>How a long command shows its progress on stderr.</summary>
internal enum ProgressDisplay
{
    /// <summary>Nothing (stderr is a file or a pipe, or another process reports).</summary>
    None,

    /// <summary>A redrawn bar with the elapsed and remaining time (stderr is a terminal).</summary>
    Bar,

    /// <summary>One plain line at every tenth of the work, readable in a log (rank 0 of an MPI job, whose output
    /// <c>mpirun</c> or a batch system gathers: it may look like a terminal to the process but end up in a file).</summary>
    Lines,
}
