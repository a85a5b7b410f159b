using System.Text;

namespace MlNetEmotion.Vision.Features;

/// <summary>Adds a tensor to an ONNX model's graph outputs by editing its protobuf bytes: appending
/// <c>ModelProto { graph = GraphProto { output = [ValueInfoProto { name }] } }</c> to the file merges, by protobuf's
/// rule for a repeated embedded singular message, into the existing graph and adds one output (its type is left for
/// ONNX Runtime's inference). This is how an inner layer of a model whose only output is pooled (e.g. ResNet-18's
/// 512 × 7 × 7 map before its average pool) becomes readable.</summary>
public static class OnnxGraphOutputs
{
    private const int ModelGraphField = 7, GraphOutputField = 12, ValueInfoNameField = 1;

    /// <summary>The model bytes with <paramref name="tensorName"/> appended to the graph's outputs.</summary>
    /// <param name="model">A serialized <c>ModelProto</c>.</param>
    /// <param name="tensorName">Name of a tensor produced by a node of the graph.</param>
    /// <returns>New bytes; <paramref name="model"/> is not changed.</returns>
    public static byte[] AddOutput(ReadOnlySpan<byte> model, string tensorName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tensorName);
        var valueInfo = Field(ValueInfoNameField, Encoding.UTF8.GetBytes(tensorName));
        var graph = Field(GraphOutputField, valueInfo);
        var suffix = Field(ModelGraphField, graph);
        var result = new byte[model.Length + suffix.Length];
        model.CopyTo(result);
        suffix.CopyTo(result.AsSpan(model.Length));
        return result;
    }

    /// <summary>A length-delimited protobuf field: tag (wire type 2), varint length, payload.</summary>
    private static byte[] Field(int number, byte[] payload)
    {
        using var stream = new MemoryStream();
        Varint(stream, (ulong)(number << 3 | 2));
        Varint(stream, (ulong)payload.Length);
        stream.Write(payload);
        return stream.ToArray();
    }

    private static void Varint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }
}
