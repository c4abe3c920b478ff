using System.Text;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A writer for standard error that never throws: when stderr is closed or broken (<c>2&gt;&amp;-</c>) the text is dropped.</summary>
/// <remarks>Without it a closed stderr turns a reported error into an unhandled exception while reporting it (and the process aborts).</remarks>
internal sealed class GuardedWriter(TextWriter inner) : TextWriter
{
    /// <summary>Whether a write has failed (the stream is then left alone).</summary>
    public bool Broken { get; private set; }

    public override Encoding Encoding => Guard(() => inner.Encoding) ?? Encoding.UTF8;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(() => inner.Flush());

    private void Guard(Action write) => Guard<object?>(() =>
    {
        write();
        return null;
    });

    private T? Guard<T>(Func<T> write)
    {
        if (Broken)
        {
            return default;
        }

        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            Broken = true;
            return default;
        }
    }
}
