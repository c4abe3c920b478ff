using System.Runtime.InteropServices;

namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>
/// The few libc functions the loader needs: <c>dlopen</c> with explicit flags (<see cref="NativeLibrary.Load(string)"/>
/// opens libraries with local symbol visibility, but MKL's GNU threading layer needs <c>libgomp</c>'s symbols to be
/// global) and <c>setenv</c> (<see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the
/// native environment on Unix, where <c>libgomp</c> reads its settings).
/// </summary>
internal static partial class LibC
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

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>
    /// Sets a native environment variable unless it is already set (<c>setenv(name, value, 0)</c>).
    /// Returns <see langword="false"/> when libc cannot be reached.
    /// </summary>
    internal static bool SetIfUnset(string name, string value)
    {
        try
        {
            return SetEnv(name, value, 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnvNative(string name);

    /// <summary>
    /// A variable of the native environment (which can differ from <see cref="Environment.GetEnvironmentVariable(string)"/>
    /// after <see cref="SetIfUnset"/>); <see langword="null"/> when unset or libc cannot be reached.
    /// </summary>
    internal static string? GetEnv(string name)
    {
        try
        {
            return Marshal.PtrToStringUTF8(GetEnvNative(name));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
