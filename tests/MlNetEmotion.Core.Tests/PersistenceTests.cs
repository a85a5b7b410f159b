using MlNetEmotion.Transforms;

namespace MlNetEmotion.Core.Tests;

public class PersistenceTests
{
    private readonly EmotionContext _ctx = new(seed: 3);

    [Fact]
    public void Saved_chain_predicts_bit_identically_after_load()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(3, 8));
        var model = _ctx.Transforms.Concatenate("All", "Rating", "Features")
            .Append(_ctx.Transforms.NormalizeMeanVariance("All"))
            .Append(_ctx.Transforms.NormalizeMinMax("R", "Rating", fixZero: true))
            .Append(_ctx.Labels.ThreeLevel("Rating"))
            .Append(_ctx.Transforms.Conversion.MapValueToKey("SubjectKey", "Subject"))
            .Fit(data);
        string path = Path.Combine(Path.GetTempPath(), $"mlnemo-{Guid.NewGuid():N}", "model.bin");
        _ctx.Model.Save(model, data.Schema, path);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        var loaded = _ctx.Model.Load(path, out var schema);
        Assert.Equal(data.Schema.Select(c => c.Name), schema.Select(c => c.Name));
        var before = model.Transform(data);
        var after = loaded.Transform(data);
        Assert.Equal(before.GetColumn<float[]>("All").SelectMany(v => v).Select(BitConverter.SingleToInt32Bits),
                     after.GetColumn<float[]>("All").SelectMany(v => v).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(before.GetColumn<float>("R"), after.GetColumn<float>("R"));
        Assert.Equal(before.GetColumn<uint>("Label"), after.GetColumn<uint>("Label"));
        Assert.Equal(before.GetColumn<uint>("SubjectKey"), after.GetColumn<uint>("SubjectKey"));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Fact]
    public void Custom_mapping_saves_only_with_a_registered_contract()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 2));
        var anonymous = _ctx.Transforms.CustomMapping<FeatureRow, DataViewTests.Doubled>((s, d) => d.Twice = s.Rating * 2).Fit(data);
        Assert.Throws<NotSupportedException>(() => _ctx.Model.Save(anonymous, data.Schema, new MemoryStream()));

        CustomMappingRegistry.Register<FeatureRow, DataViewTests.Doubled>("double-rating", (s, d) => d.Twice = s.Rating * 2);
        var named = _ctx.Transforms.CustomMapping<FeatureRow, DataViewTests.Doubled>((s, d) => d.Twice = s.Rating * 2, "double-rating").Fit(data);
        var stream = new MemoryStream();
        _ctx.Model.Save(named, data.Schema, stream);
        stream.Position = 0;
        var loaded = _ctx.Model.Load(stream, out _);
        Assert.Equal(named.Transform(data).GetColumn<float>("Twice"), loaded.Transform(data).GetColumn<float>("Twice"));
    }

    [Fact]
    public void Corrupt_model_file_is_rejected_with_a_reason()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 2));
        var model = _ctx.Transforms.NormalizeMeanVariance("Features").Fit(data);
        var stream = new MemoryStream();
        _ctx.Model.Save(model, data.Schema, stream);
        var bytes = stream.ToArray();
        var truncated = new MemoryStream(bytes[..(bytes.Length - 9)]);
        var e = Assert.Throws<InvalidDataException>(() => _ctx.Model.Load(truncated, out _, "m.bin"));
        Assert.Contains("m.bin", e.Message);
        var bad = (byte[])bytes.Clone();
        bad[0] = (byte)'X';
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => _ctx.Model.Load(new MemoryStream(bad), out _)).Message);
    }

    [Fact]
    public void Training_only_steps_are_skipped_when_scoring()
    {
        var data = _ctx.Data.LoadFromEnumerable(TestRows.Make(1, 4));
        var chain = new EstimatorChain<ITransformer>()
            .Append(_ctx.Transforms.CustomMapping<FeatureRow, DataViewTests.Doubled>((s, d) => d.Twice = s.Rating * 2), TransformerScope.Training)
            .Append(_ctx.Transforms.NormalizeMinMax("R", "Rating"));
        var model = chain.Fit(data);
        var scored = model.Transform(data);
        Assert.Null(scored.Schema.GetColumnOrNull("Twice"));
        Assert.NotNull(scored.Schema.GetColumnOrNull("R"));
        Assert.Single(model.GetModelFor(TransformerScope.Scoring));
        Assert.Equal(2, model.GetModelFor(TransformerScope.Training).Count());
    }
}
