namespace SpectralSensitivity.Tests.Studies;

/// <summary>A fresh temporary directory for one test, deleted afterwards.</summary>
internal sealed class StudyDirectory : IDisposable
{
    public StudyDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "spectral-study-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file for a moment; the temp folder is cleaned by the system
        }
    }
}
