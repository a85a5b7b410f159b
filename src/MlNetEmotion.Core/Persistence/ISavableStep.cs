namespace MlNetEmotion.Persistence;

/// <summary>A transformer of this toolkit that writes its fitted state for
/// <see cref="ModelCatalogExtensions.SavePipeline(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/>.
/// A savable type also has <c>public static TSelf Load(StepLoadContext context)</c>; its signature and format version
/// come from <see cref="StepFormatAttribute"/> (default: the type's full name, version 1).</summary>
public interface ISavableStep
{
    /// <summary>Writes the transformer's options and learned state.</summary>
    /// <param name="context">Where to write.</param>
    void Save(StepSaveContext context);
}

/// <summary>The signature and format version a savable step writes. Raise <see cref="Version"/> when the saved bytes
/// change, and keep reading the older layouts in <c>Load</c> (the version read is <see cref="StepLoadContext.Version"/>).</summary>
/// <param name="signature">Stable identifier of the step in model files, independent of class renames.</param>
/// <param name="version">The format version written now (1 or more).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StepFormatAttribute(string signature, int version) : Attribute
{
    /// <summary>Stable identifier of the step in model files.</summary>
    public string Signature { get; } = signature;

    /// <summary>The format version written now.</summary>
    public int Version { get; } = version;

    /// <summary>The oldest version <c>Load</c> still reads. Default 1.</summary>
    public int OldestReadableVersion { get; init; } = 1;
}
