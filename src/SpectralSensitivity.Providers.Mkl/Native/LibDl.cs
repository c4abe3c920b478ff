using System.Runtime.InteropServices;

namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>
/// <c>dlopen</c> with explicit flags. <see cref="NativeLibrary.Load(string)"/> opens libraries with local
/// symbol visibility, but MKL's GNU threading layer needs <c>libgomp</c>'s symbols to be global.
/// </summary>
internal static partial class LibDl
{
    internal const int RtldNow = 0x002;
    internal const int RtldGlobal = 0x100;

    [LibraryImport("libc.so.6", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlopenLibc(string file, int flags);

    [LibraryImport("libdl.so.2", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlopenLibdl(string file, int flags);

    /// <summary>
    /// Opens <paramref name="file"/> with <c>RTLD_NOW | RTLD_GLOBAL</c>; returns the handle or zero.
    /// glibc 2.34+ exports <c>dlopen</c> from libc itself, older ones from libdl.
    /// </summary>
    internal static nint OpenGlobal(string file)
    {
        try
        {
            return DlopenLibc(file, RtldNow | RtldGlobal);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            try
            {
                return DlopenLibdl(file, RtldNow | RtldGlobal);
            }
            catch (Exception e2) when (e2 is DllNotFoundException or EntryPointNotFoundException)
            {
                return 0;
            }
        }
    }
}
