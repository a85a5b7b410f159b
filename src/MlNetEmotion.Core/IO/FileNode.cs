using System.Runtime.InteropServices;

namespace MlNetEmotion.Core.IO;

/// <summary>What a path names, following a final symbolic link or not: on Linux from <c>statx(2)</c>, which tells
/// devices, FIFOs and sockets from regular files (.NET's file attributes call them all "Normal"); elsewhere from the
/// file attributes.</summary>
internal static partial class FileNode
{
    /// <summary>The kind of the node at <paramref name="path"/> ("regular file", "directory", "symbolic link",
    /// "character device", "block device", "FIFO", "socket"), or null when nothing is there.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">True to describe what a final symbolic link points to (never "symbolic link").</param>
    public static string? Kind(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsLinux()) return LinuxKind(path, followLinks ? 0 : AtSymlinkNoFollow);
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return "symbolic link";
        if (Directory.Exists(path)) return "directory";
        if (!info.Exists) return null;
        return (info.Attributes & FileAttributes.Device) != 0 ? "device" : "regular file";
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;          // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, uid, gid; u16 mode

    private static string? LinuxKind(string path, int flags)
    {
        Span<byte> buffer = stackalloc byte[256];   // sizeof(struct statx) is 256
        if (Statx(AtFdCwd, path, flags, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is 2 or 20) return null;      // ENOENT, ENOTDIR
            throw new IOException($"'{path}': cannot inspect the path ({Marshal.GetPInvokeErrorMessage(errno)}).");
        }
        int mode = BitConverter.ToUInt16(buffer[ModeOffset..]) & 0xF000;
        return mode switch
        {
            0x8000 => "regular file",
            0x4000 => "directory",
            0xA000 => "symbolic link",
            0x2000 => "character device",
            0x6000 => "block device",
            0x1000 => "FIFO",
            0xC000 => "socket",
            _ => "special file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
