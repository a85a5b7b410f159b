namespace MlNetEmotion.Core.IO;

/// <summary>Element types of the NumPy <c>.npy</c> files this library reads and writes (all little endian).</summary>
public enum NpyDataType
{
    /// <summary>Unsigned 8-bit integer (<c>|u1</c>, NumPy <c>uint8</c>).</summary>
    UInt8,

    /// <summary>Signed 32-bit integer (<c>&lt;i4</c>, NumPy <c>int32</c>).</summary>
    Int32,

    /// <summary>Signed 64-bit integer (<c>&lt;i8</c>, NumPy <c>int64</c>).</summary>
    Int64,

    /// <summary>IEEE 754 single precision (<c>&lt;f4</c>, NumPy <c>float32</c>).</summary>
    Float32,

    /// <summary>IEEE 754 double precision (<c>&lt;f8</c>, NumPy <c>float64</c>).</summary>
    Float64,
}
