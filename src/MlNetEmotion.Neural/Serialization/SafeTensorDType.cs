namespace MlNetEmotion.Neural.Serialization;

/// <summary>Element types of the safetensors format (the header's <c>dtype</c> strings).</summary>
public enum SafeTensorDType
{
    /// <summary>"F32": IEEE single.</summary>
    F32,

    /// <summary>"F64": IEEE double.</summary>
    F64,

    /// <summary>"F16": IEEE half.</summary>
    F16,

    /// <summary>"BF16": bfloat16 (upper half of a float32).</summary>
    BF16,

    /// <summary>"I64": signed 64-bit integer.</summary>
    I64,

    /// <summary>"I32": signed 32-bit integer.</summary>
    I32,

    /// <summary>"U8": unsigned byte.</summary>
    U8,
}

/// <summary>Byte sizes and header names of <see cref="SafeTensorDType"/>.</summary>
public static class SafeTensorDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int Size(SafeTensorDType type) => type switch
    {
        SafeTensorDType.F64 or SafeTensorDType.I64 => 8,
        SafeTensorDType.F32 or SafeTensorDType.I32 => 4,
        SafeTensorDType.F16 or SafeTensorDType.BF16 => 2,
        _ => 1,
    };

    /// <summary>Parses a header dtype string ("F32", …); null when unsupported.</summary>
    public static SafeTensorDType? Parse(string name) => Enum.TryParse<SafeTensorDType>(name, ignoreCase: false, out var t) && Enum.IsDefined(t) ? t : null;
}
