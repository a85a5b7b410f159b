namespace MlNetEmotion.Vision.Features;

/// <summary>Settings of <c>mlContext.Transforms.Vision.AlignFaceSequences</c>.</summary>
public sealed class FaceSequenceAlignmentOptions
{
    /// <summary>T, the padded sequence length of the output: kept frames beyond it are an error (raise it). Default 100.</summary>
    public int Frames { get; set; } = 100;

    /// <summary>Image-sequence column of the face crops the maps were computed from (their timestamps say which frames
    /// kept a face). Default <c>Faces</c>.</summary>
    public string FacesColumnName { get; set; } = "Faces";

    /// <summary>Image-sequence column of all frames of the clip (their timestamps are the label frames). Default <c>Frames</c>.</summary>
    public string FramesColumnName { get; set; } = "Frames";

    /// <summary>Single vector columns with one label per frame of <see cref="FramesColumnName"/>, in target order.
    /// Default Valence, Arousal.</summary>
    public string[] LabelColumnNames { get; set; } = ["Valence", "Arousal"];

    /// <summary>Label column produced: <c>[T, targets]</c>, the kept frames' labels then zeros. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Int32 column produced: the number of kept frames (valid frames of the padded sequence). Default <c>Length</c>.</summary>
    public string LengthColumnName { get; set; } = "Length";

    /// <summary>Int32 column produced: the number of frames dropped because no face was found. Default <c>MissedFaces</c>.</summary>
    public string MissedFacesColumnName { get; set; } = "MissedFaces";

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Frames"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A column name is empty or no label column is given.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Frames, 1, nameof(Frames));
        if (LabelColumnNames is null || LabelColumnNames.Length == 0 || LabelColumnNames.Any(string.IsNullOrEmpty))
            throw new ArgumentException("FaceSequenceAlignmentOptions.LabelColumnNames needs one or more column names.", nameof(LabelColumnNames));
        foreach (var (name, value) in new[] { (nameof(FacesColumnName), FacesColumnName), (nameof(FramesColumnName), FramesColumnName),
                     (nameof(LabelColumnName), LabelColumnName), (nameof(LengthColumnName), LengthColumnName), (nameof(MissedFacesColumnName), MissedFacesColumnName) })
            if (string.IsNullOrEmpty(value)) throw new ArgumentException($"FaceSequenceAlignmentOptions.{name} must name a column.", name);
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Frames); w.Write(FacesColumnName); w.Write(FramesColumnName); w.Write(LabelColumnNames.Length);
        foreach (var name in LabelColumnNames) w.Write(name);
        w.Write(LabelColumnName); w.Write(LengthColumnName); w.Write(MissedFacesColumnName);
    }

    internal static FaceSequenceAlignmentOptions Read(BinaryReader r)
    {
        var o = new FaceSequenceAlignmentOptions { Frames = r.ReadInt32(), FacesColumnName = r.ReadString(), FramesColumnName = r.ReadString() };
        o.LabelColumnNames = new string[r.ReadInt32()];
        for (int i = 0; i < o.LabelColumnNames.Length; i++) o.LabelColumnNames[i] = r.ReadString();
        (o.LabelColumnName, o.LengthColumnName, o.MissedFacesColumnName) = (r.ReadString(), r.ReadString(), r.ReadString());
        return o;
    }
}
