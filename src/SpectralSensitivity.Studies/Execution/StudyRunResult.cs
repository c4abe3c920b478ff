using SpectralSensitivity.Studies.Results;

namespace SpectralSensitivity.Studies.Execution;

/// <summary>What one process did in a study run.</summary>
/// <param name="Files">The study directory's files.</param>
/// <param name="Layout">The result columns.</param>
/// <param name="Manifest">The manifest written to <c>study.json</c>.</param>
/// <param name="ShardsComputed">Shards this process computed.</param>
/// <param name="ShardsSkipped">Shards of this process found already written (by an earlier run) and skipped.</param>
/// <param name="Summary">The summary, on rank 0 (null on the others).</param>
public sealed record StudyRunResult(StudyFiles Files, StudyLayout Layout, StudyManifest Manifest, int ShardsComputed, int ShardsSkipped, StudySummary? Summary);
