using System.Runtime.InteropServices;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Training;

/// <summary>Binary layout of a module's <c>state_dict</c> inside model files and checkpoints: count, then per entry its
/// name, rank, dimensions and float32 values (little-endian).</summary>
internal static class StateDictFormat
{
    public static void Write(BinaryWriter writer, IReadOnlyDictionary<string, Tensor> state)
    {
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            writer.Write(name);
            var shape = tensor.shape;
            writer.Write(shape.Length);
            foreach (long d in shape) writer.Write(d);
            writer.Write(MemoryMarshal.AsBytes(tensor.AsSpan()));
        }
    }

    public static Dictionary<string, Tensor> Read(BinaryReader reader, string source)
    {
        int count = reader.ReadInt32();
        if (count is < 0 or > 1_000_000) throw new InvalidDataException($"{source}: impossible state_dict size {count}.");
        var state = new Dictionary<string, Tensor>(count);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            int rank = reader.ReadInt32();
            if (rank is < 0 or > 8) throw new InvalidDataException($"{source}: tensor '{name}' has impossible rank {rank}.");
            var shape = new long[rank];
            // Every dimension is checked against what the rest of the file can hold before it multiplies, so the
            // element count can neither overflow nor exceed the file.
            long capacity = (reader.BaseStream.Length - reader.BaseStream.Position) / sizeof(float);
            long numel = 1;
            for (int d = 0; d < rank; d++)
            {
                shape[d] = reader.ReadInt64();
                if (shape[d] < 0) throw new InvalidDataException($"{source}: tensor '{name}' has a negative dimension.");
                if (shape[d] != 0 && numel > capacity / shape[d])
                    throw new InvalidDataException($"{source}: tensor '{name}' needs more than the {capacity * sizeof(float)} bytes that remain.");
                numel *= shape[d];
            }
            long remaining = reader.BaseStream.Length - reader.BaseStream.Position;
            if (numel * sizeof(float) > remaining) throw new InvalidDataException($"{source}: tensor '{name}' needs {numel * 4} bytes, {remaining} remain.");
            var values = new float[numel];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
            state[name] = torch.tensor(values, shape);
        }
        return state;
    }

    /// <summary>Deep copies of a module's tensors (for keeping the best epoch).</summary>
    public static Dictionary<string, Tensor> Snapshot(Module module) =>
        module.state_dict().ToDictionary(p => p.Key, p => torch.tensor(p.Value.ToArray(), p.Value.shape));
}
