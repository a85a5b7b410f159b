using MlNetEmotion.Data;
using MlNetEmotion.Transforms;

namespace MlNetEmotion.Core.Tests;

/// <summary>Variable-length vectors become the known-size tensors ML.NET's trainers need: by an explicit reshape step, or
/// by materialising when every row has one length.</summary>
public class ReshapeTests
{
    public sealed class VarRow
    {
        [VectorType]
        public float[] Values { get; set; } = [];
    }

    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Reshape_gives_a_known_shape_and_keeps_row_major_order()
    {
        var data = _ml.Data.LoadFromEnumerable(new[] { new VarRow { Values = [1, 2, 3, 4, 5, 6] }, new VarRow { Values = [6, 5, 4, 3, 2, 1] } });
        Assert.False(((VectorDataViewType)data.Schema["Values"].Type).IsKnownSize);
        var model = _ml.Transforms.Reshape("Tensor", "Values", 2, 3).Fit(data);
        var shaped = model.Transform(data);
        Assert.Equal([2, 3], ((VectorDataViewType)shaped.Schema["Tensor"].Type).Dimensions.ToArray());
        Assert.Equal([1f, 2, 3, 4, 5, 6], shaped.GetColumn<float[]>("Tensor").First());
        var stream = new MemoryStream();
        _ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = _ml.Model.LoadPipeline(stream, out _);
        Assert.Equal(shaped.GetColumn<float[]>("Tensor").SelectMany(v => v), loaded.Transform(data).GetColumn<float[]>("Tensor").SelectMany(v => v));
    }

    [Fact]
    public void Reshape_names_the_row_of_another_length()
    {
        var data = _ml.Data.LoadFromEnumerable(new[] { new VarRow { Values = [1, 2, 3, 4] }, new VarRow { Values = [1, 2, 3] } });
        var shaped = _ml.Transforms.Reshape("Tensor", "Values", 4).Fit(data).Transform(data);
        var e = Assert.Throws<DataValidationException>(() => shaped.GetColumn<float[]>("Tensor").ToArray());
        Assert.Equal(1, e.Row);
        Assert.Contains("3 values cannot take the shape [4]", e.Message);
    }

    [Fact]
    public void Materialising_settles_one_unknown_dimension_when_rows_agree()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Maps", new VectorDataViewType(NumberDataViewType.Single, 0, 2));
        builder.AddColumn("Ragged", new VectorDataViewType(NumberDataViewType.Single, 0));
        var schema = builder.ToSchema();
        var maps = new[] { new VBuffer<float>(6, [1, 2, 3, 4, 5, 6]), new VBuffer<float>(6, [6, 5, 4, 3, 2, 1]) };
        var ragged = new[] { new VBuffer<float>(2, [1, 2]), new VBuffer<float>(3, [1, 2, 3]) };
        var cached = _ml.Data.CacheInParallel(new InMemoryDataView(schema, [maps, ragged]));
        Assert.Equal([3, 2], ((VectorDataViewType)cached.Schema["Maps"].Type).Dimensions.ToArray());
        Assert.False(((VectorDataViewType)cached.Schema["Ragged"].Type).IsKnownSize);
        Assert.Equal([6f, 5, 4, 3, 2, 1], cached.GetColumn<float[]>("Maps").Last());
    }
}
