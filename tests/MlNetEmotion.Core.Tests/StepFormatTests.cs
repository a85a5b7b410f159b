using System.Text;
using MlNetEmotion.Data;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Core.Tests;

/// <summary>A test-only savable step whose saved layout changed: version 1 wrote the offset; version 2 (written now)
/// adds a scale. Load reads both.</summary>
[StepFormat(Signature, 2, OldestReadableVersion = 1)]
public sealed class VersionedStep(float offset, float scale) : RowMappingTransformerBase
{
    public const string Signature = "Test.Versioned";

    public float Offset { get; } = offset;

    public float Scale { get; } = scale;

    protected override RowMapper MakeRowMapper(DataViewSchema inputSchema) =>
        new ColumnMapper<float, float>(inputSchema, inputSchema["Rating"], "Shifted", NumberDataViewType.Single, (rating, _) => (rating + Offset) * Scale);

    public override void Save(StepSaveContext context)
    {
        context.Writer.Write(Offset);
        context.Writer.Write(Scale);
    }

    public static VersionedStep Load(StepLoadContext context)
    {
        float offset = context.Reader.ReadSingle();
        float scale = context.Version >= 2 ? context.Reader.ReadSingle() : 1f;
        return new VersionedStep(offset, scale);
    }
}

/// <summary>Writes model files holding one <see cref="VersionedStep"/> byte by byte, in the container layout that
/// <c>SavePipeline</c> documents (magic, container version 2, input schema of one Single column "Rating", one step node),
/// with any step format version and payload: how the committed version-1 fixture was made, and how files from other
/// versions are made for the tests.</summary>
public static class VersionedStepFiles
{
    public const string Version1Fixture = "versioned_step_v1.bin";

    /// <summary>The version-1 layout: the offset alone.</summary>
    public static byte[] Version1(float offset) => Write(1, w => w.Write(offset));

    public static byte[] Write(int formatVersion, Action<BinaryWriter> payload)
    {
        var body = new MemoryStream();
        using (var p = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true)) payload(p);
        var file = new MemoryStream();
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("MLNEMO"u8);
            w.Write(2);                       // container version
            w.Write(1);                       // input columns
            w.Write("Rating");
            w.Write((byte)1);                 // number type
            w.Write(typeof(float).FullName!);
            w.Write(false);                   // no key values
            w.Write(false);                   // no slot names
            w.Write((byte)1);                 // step node
            w.Write(VersionedStep.Signature);
            w.Write(typeof(VersionedStep).Assembly.GetName().Name!);
            w.Write(formatVersion);
            w.Write(body.Length);
            w.Write(body.ToArray());
        }
        return file.ToArray();
    }
}

public class StepFormatTests
{
    private readonly MLContext _ml = new(seed: 2);

    public sealed class RatingOnly
    {
        public float Rating { get; set; }
    }

    private IDataView Ratings() => _ml.Data.LoadFromEnumerable(new[] { 1f, 4.5f, 9f }.Select(r => new RatingOnly { Rating = r }));

    /// <summary>Keeps the committed fixture reproducible: it must equal what the generator writes. With
    /// MLNEMO_WRITE_FIXTURES=1 the test (re)writes tests/data/core/versioned_step_v1.bin instead.</summary>
    [Fact]
    public void Committed_version_1_fixture_is_what_the_generator_writes()
    {
        var bytes = VersionedStepFiles.Version1(0.25f);
        if (Environment.GetEnvironmentVariable("MLNEMO_WRITE_FIXTURES") == "1")
            File.WriteAllBytes(Path.Combine(TestRows.SourceDataFolder(), VersionedStepFiles.Version1Fixture), bytes);
        Assert.Equal(bytes, File.ReadAllBytes(TestRows.DataPath(VersionedStepFiles.Version1Fixture)));
    }

    [Fact]
    public void Generator_writes_the_layout_SavePipeline_writes()
    {
        var data = Ratings();
        var stream = new MemoryStream();
        _ml.Model.SavePipeline(new VersionedStep(0.5f, 3f), data.Schema, stream);
        Assert.Equal(VersionedStepFiles.Write(2, w => { w.Write(0.5f); w.Write(3f); }), stream.ToArray());
    }

    [Fact]
    public void Version_1_file_still_loads()
    {
        var loaded = _ml.Model.LoadPipeline(TestRows.DataPath(VersionedStepFiles.Version1Fixture), out var schema);
        var step = Assert.IsType<VersionedStep>(loaded);
        Assert.Equal((0.25f, 1f), (step.Offset, step.Scale));
        Assert.Equal("Rating", schema.Single().Name);
        Assert.Equal([1.25f, 4.75f, 9.25f], loaded.Transform(Ratings()).GetColumn<float>("Shifted"));
    }

    [Fact]
    public void Version_2_round_trips()
    {
        var data = Ratings();
        var stream = new MemoryStream();
        _ml.Model.SavePipeline(new VersionedStep(-1f, 2f), data.Schema, stream);
        stream.Position = 0;
        var step = Assert.IsType<VersionedStep>(_ml.Model.LoadPipeline(stream, out _));
        Assert.Equal((-1f, 2f), (step.Offset, step.Scale));
        Assert.Equal([0f, 7f, 16f], step.Transform(data).GetColumn<float>("Shifted"));
    }

    [Fact]
    public void Version_3_file_names_the_versions()
    {
        var bytes = VersionedStepFiles.Write(3, w => { w.Write(0.5f); w.Write(3f); w.Write(7); });
        var e = Assert.Throws<InvalidDataException>(() => _ml.Model.LoadPipeline(new MemoryStream(bytes), out _, "future.bin"));
        Assert.Contains("future.bin", e.Message);
        Assert.Contains(VersionedStep.Signature, e.Message);
        Assert.Contains("version 3", e.Message);
        Assert.Contains("1 to 2", e.Message);
    }

    [Fact]
    public void Truncated_file_and_bad_magic_are_invalid_data()
    {
        var bytes = File.ReadAllBytes(TestRows.DataPath(VersionedStepFiles.Version1Fixture));
        for (int cut = 0; cut < bytes.Length; cut++)
            Assert.Throws<InvalidDataException>(() => _ml.Model.LoadPipeline(new MemoryStream(bytes[..cut]), out _));
        var bad = (byte[])bytes.Clone();
        bad[1] = (byte)'?';
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => _ml.Model.LoadPipeline(new MemoryStream(bad), out _)).Message);
    }
}
