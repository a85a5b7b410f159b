using System.Reflection;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Training;

/// <summary>A network's recipe: what to build for a <see cref="NeuralShape"/>, saved with the trained weights so a
/// loaded model rebuilds the same module and loads its <c>state_dict</c>. Each trainer has one; a concrete spec also has
/// <c>public static TSelf Read(BinaryReader reader)</c>.</summary>
public abstract class NeuralNetworkSpec
{
    /// <summary>Builds the module, drawing its initial weights (and later its dropout masks) from <paramref name="generator"/>.</summary>
    /// <param name="generator">The trainer's one random source.</param>
    public abstract Module<NeuralBatch, Tensor> Create(Generator generator);

    /// <summary>Writes the recipe's settings.</summary>
    /// <param name="writer">Destination.</param>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Writes <paramref name="spec"/> with its type, for <see cref="ReadAny"/>.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="spec">The recipe.</param>
    public static void WriteAny(BinaryWriter writer, NeuralNetworkSpec spec)
    {
        writer.Write(spec.GetType().FullName!);
        writer.Write(spec.GetType().Assembly.GetName().Name!);
        spec.Write(writer);
    }

    /// <summary>Reads a recipe written by <see cref="WriteAny"/>.</summary>
    /// <param name="reader">Source.</param>
    /// <param name="source">The file, for messages.</param>
    /// <exception cref="InvalidDataException">The recipe type is unknown or has no <c>Read</c>.</exception>
    public static NeuralNetworkSpec ReadAny(BinaryReader reader, string source)
    {
        string typeName = reader.ReadString(), assembly = reader.ReadString();
        var type = Type.GetType($"{typeName}, {assembly}", throwOnError: false);
        if (type is null || !typeof(NeuralNetworkSpec).IsAssignableFrom(type))
            throw new InvalidDataException($"{source}: network recipe '{typeName}' in '{assembly}' cannot be found.");
        var read = type.GetMethod("Read", BindingFlags.Public | BindingFlags.Static, [typeof(BinaryReader)])
            ?? throw new InvalidDataException($"{source}: '{type.Name}' has no public static Read(BinaryReader).");
        try
        {
            return (NeuralNetworkSpec)read.Invoke(null, [reader])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"{source}: reading network recipe '{type.Name}' failed: {e.InnerException.Message}", e.InnerException);
        }
    }
}
