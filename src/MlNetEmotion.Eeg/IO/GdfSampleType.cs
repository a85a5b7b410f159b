namespace MlNetEmotion.Eeg.IO;

/// <summary>The sample types a GDF channel may be stored in: the data type codes of the GDF variable header.</summary>
public enum GdfSampleType
{
    /// <summary>Signed 8-bit integer (code 1).</summary>
    Int8 = 1,

    /// <summary>Unsigned 8-bit integer (code 2).</summary>
    UInt8 = 2,

    /// <summary>Signed 16-bit integer (code 3).</summary>
    Int16 = 3,

    /// <summary>Unsigned 16-bit integer (code 4).</summary>
    UInt16 = 4,

    /// <summary>Signed 32-bit integer (code 5).</summary>
    Int32 = 5,

    /// <summary>Unsigned 32-bit integer (code 6).</summary>
    UInt32 = 6,

    /// <summary>Signed 64-bit integer (code 7).</summary>
    Int64 = 7,

    /// <summary>Unsigned 64-bit integer (code 8).</summary>
    UInt64 = 8,

    /// <summary>IEEE 754 single precision (code 16).</summary>
    Float32 = 16,

    /// <summary>IEEE 754 double precision (code 17).</summary>
    Float64 = 17,
}
