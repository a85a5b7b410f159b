namespace MlNetEmotion.Core.Tests;

public class DeterminismTests
{
    private static int[] Seeds(MLContext ml, int count)
    {
        var environment = CatalogEnvironment.Of(ml.Data);
        return Enumerable.Range(0, count).Select(_ => environment.NextSeed()).ToArray();
    }

    [Fact]
    public void Same_context_seed_gives_the_same_component_seeds()
    {
        var a = Seeds(new MLContext(seed: 5), 6);
        var b = Seeds(new MLContext(seed: 5), 6);
        Assert.Equal(a, b);
        Assert.True(a.Distinct().Count() > 1, "successive seeds differ");
        Assert.NotEqual(a, Seeds(new MLContext(seed: 6), 6));
    }

    [Fact]
    public void Every_catalog_of_a_context_shares_its_environment()
    {
        var ml = new MLContext(seed: 5);
        Assert.Same(CatalogEnvironment.Of(ml.Data), CatalogEnvironment.Of(ml.Transforms));
        Assert.Same(CatalogEnvironment.Of(ml.Data), CatalogEnvironment.Of(ml.MulticlassClassification));
        Assert.Throws<ArgumentException>(() => CatalogEnvironment.Of(new object()));
    }
}
