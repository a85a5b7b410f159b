namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>MATLAB array classes (the <c>mxCLASS</c> codes of the MAT-file level 5 format).</summary>
public enum MatClass
{
    /// <summary>Cell array.</summary>
    Cell = 1,
    /// <summary>Structure (array).</summary>
    Struct = 2,
    /// <summary>Object (read as a <see cref="MatUnsupportedArray"/> placeholder).</summary>
    Object = 3,
    /// <summary>Character array.</summary>
    Char = 4,
    /// <summary>Sparse array (the reader returns it as a dense <see cref="MatNumericArray"/>).</summary>
    Sparse = 5,
    /// <summary>Double precision.</summary>
    Double = 6,
    /// <summary>Single precision.</summary>
    Single = 7,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 8,
    /// <summary>Unsigned 8-bit integer (also the storage class of logical arrays).</summary>
    UInt8 = 9,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 10,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 11,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 12,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 13,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 14,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 15,
    /// <summary>Function handle (read as a <see cref="MatUnsupportedArray"/> placeholder).</summary>
    Function = 16,
    /// <summary>Opaque value such as a MATLAB <c>string</c> or <c>table</c> (read as a <see cref="MatUnsupportedArray"/> placeholder).</summary>
    Opaque = 17,
}
