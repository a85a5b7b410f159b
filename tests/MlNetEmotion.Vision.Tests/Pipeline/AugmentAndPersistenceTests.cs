using MlNetEmotion.Data;
using MlNetEmotion.Vision.Pipeline;
using MlNetEmotion.Vision.Processing;

namespace MlNetEmotion.Vision.Tests.Pipeline;

public class AugmentAndPersistenceTests(PipelineClipFixture clips) : IClassFixture<PipelineClipFixture>
{
    private IDataView Rows(MLContext ml) =>
        ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = clips.Clip }, new VideoRow { VideoPath = clips.Photo } });

    /// <summary>Frames at 2.5 fps (0, 0.4, 0.8, 1.2 s), faces, an augmentation for training only, tensors.</summary>
    private static EstimatorChain<ImageNormalizingTransformer> Chain(MLContext ml) =>
        ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { FramesPerSecond = 2.5 })
            .Append(ml.Transforms.Vision.DetectAndCropFaces(options: new FaceCropOptions { Size = 48 }))
            .Append(ml.Transforms.Vision.Augment(), TransformerScope.Training)
            .Append(ml.Transforms.Vision.Normalize(kind: NormalizationKind.ImageNet));

    /// <summary>The scope of each member of <paramref name="chain"/>, recovered through ML.NET's public <c>GetModelFor</c>.</summary>
    private static TransformerScope[] Scopes<T>(TransformerChain<T> chain) where T : class, ITransformer
    {
        var members = chain.ToArray();
        var scopes = new TransformerScope[members.Length];
        foreach (var scope in new[] { TransformerScope.Training, TransformerScope.Testing, TransformerScope.Scoring })
        {
            var kept = chain.GetModelFor(scope).ToHashSet(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < members.Length; i++)
                if (kept.Contains(members[i])) scopes[i] |= scope;
        }
        return scopes;
    }

    /// <summary>What the steps after the augmentation see while fitting: every step applied, as <c>EstimatorChain.Fit</c> does.</summary>
    private static IDataView TrainingView(IEnumerable<ITransformer> model, IDataView data) => model.Aggregate(data, (view, step) => step.Transform(view));

    [Fact]
    public void AugmentIsSkippedByTheScoringModelAndSeededPerRow()
    {
        var ml = new MLContext(7);
        var data = Rows(ml);
        var model = Chain(ml).Fit(data);
        var plain = ml.Transforms.Vision.ReadFrames(options: new FrameReadOptions { FramesPerSecond = 2.5 })
            .Append(ml.Transforms.Vision.DetectAndCropFaces(options: new FaceCropOptions { Size = 48 }))
            .Append(ml.Transforms.Vision.Normalize(kind: NormalizationKind.ImageNet)).Fit(data);
        var plainOutput = plain.Transform(data).ToInMemory();
        Assert.Equal(plainOutput.GetColumn<float[]>("Pixels"), model.GetModelFor(TransformerScope.Scoring).Transform(data).GetColumn<float[]>("Pixels"));
        Assert.Equal(plainOutput.GetColumn<float[]>("Pixels"), model.GetModelFor(TransformerScope.Testing).Transform(data).GetColumn<float[]>("Pixels"));

        // The training view applies it: each row's images get the augmenter seeded with that row's seed.
        Assert.Equal([TransformerScope.Everything, TransformerScope.Everything, TransformerScope.Training, TransformerScope.Everything], Scopes(model));
        var training = TrainingView(model, data).ToInMemory();
        var augmented = training.GetColumn<ImageSequence>("Faces").ToArray();
        var faces = plainOutput.GetColumn<ImageSequence>("Faces").ToArray();
        var augment = (AugmentOperation)model.OfType<ImageSequenceTransformer>().Single().Operation;
        for (int row = 0; row < faces.Length; row++)
        {
            int seed = AugmentOperation.RowSeed(augment.Seed, row);
            for (int i = 0; i < faces[row].Count; i++)
            {
                var expected = new ImageAugmenter(augment.Options, seed).Augment(faces[row].Images[i]);
                Assert.Equal(expected.Pixels, augmented[row].Images[i].Pixels);
            }
            Assert.Equal(faces[row].Timestamps, augmented[row].Timestamps);
        }
        Assert.Equal(4, augmented[0].Count);
        Assert.NotEqual(faces[1].Images[0].Pixels, augmented[1].Images[0].Pixels);

        // One draw per row: a row of identical images comes out as identical images.
        var same = faces[1].Images[0];
        var clip = augment.Apply(new ImageSequence([same, same.Clone(), same.Clone()], [0, 0.1, 0.2]), row: 5);
        Assert.All(clip.Images, image => Assert.Equal(clip.Images[0].Pixels, image.Pixels));
        Assert.NotEqual(same.Pixels, clip.Images[0].Pixels);
    }

    [Fact]
    public void SameContextSeedGivesBitIdenticalAugmentationAndAnotherSeedDiffers()
    {
        float[][] Augmented(int seed)
        {
            var ml = new MLContext(seed);
            var data = Rows(ml);
            return TrainingView(Chain(ml).Fit(data), data).GetColumn<float[]>("Pixels").ToArray();
        }
        var a = Augmented(11);
        Assert.Equal(a, Augmented(11));
        Assert.NotEqual(a[1], Augmented(12)[1]);
        Assert.NotEqual(AugmentOperation.RowSeed(5, 0), AugmentOperation.RowSeed(5, 1));
    }

    [Fact]
    public void SavedChainLoadsWithItsScopesAndGivesBitIdenticalTensors()
    {
        var ml = new MLContext(3);
        var data = Rows(ml);
        var model = Chain(ml).Append(ml.Transforms.Vision.Resize("Thumb", "Faces", 20, 16, ResizeInterpolation.Bilinear)).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.SavePipeline(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = Assert.IsType<TransformerChain<ITransformer>>(ml.Model.LoadPipeline(stream, out var schema));
        Assert.Equal(data.Schema.Count, schema.Count);
        Assert.Equal(Scopes(model), Scopes(loaded));

        Assert.Equal(model.GetModelFor(TransformerScope.Scoring).Transform(data).GetColumn<float[]>("Pixels"),
            loaded.GetModelFor(TransformerScope.Scoring).Transform(data).GetColumn<float[]>("Pixels"));
        Assert.Equal(TrainingView(model, data).GetColumn<float[]>("Pixels"), TrainingView(loaded, data).GetColumn<float[]>("Pixels"));
        var thumbs = loaded.GetModelFor(TransformerScope.Scoring).Transform(data).GetColumn<ImageSequence>("Thumb").ToArray();
        Assert.All(thumbs.SelectMany(t => t.Images), image => Assert.Equal((20, 16), (image.Width, image.Height)));

        // Every step's settings survive: options of the loaded transformers equal the originals.
        var read = loaded.OfType<ReadFramesTransformer>().Single();
        Assert.Equal(2.5, read.Options.FramesPerSecond);
        var crop = loaded.OfType<FaceCropTransformer>().Single();
        Assert.Equal((48, 30, 3, 1.1), (crop.Options.Size, crop.Options.MinSize, crop.Options.MinNeighbors, crop.Options.ScaleFactor));
    }
}
