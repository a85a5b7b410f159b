using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Datasets.Manifests;

namespace MlNetEmotion.Datasets.Tests;

public class PathTemplateTests
{
    [Fact]
    public void Format_then_match_gives_back_the_fields() =>
        Prop.ForAll(Gen.Choose(0, 999).Two().ToArbitrary(), p =>
        {
            var template = PathTemplate.Parse("s{subject:00}/s{subject:00}_trial{trial:00}.avi", new Dictionary<string, string>());
            var fields = new Dictionary<string, string> { ["subject"] = p.Item1.ToString(), ["trial"] = p.Item2.ToString() };
            var back = template.Match(template.Format(fields));
            return back is not null && int.Parse(back["subject"]) == p.Item1 && int.Parse(back["trial"]) == p.Item2;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Repeated_field_must_agree()
    {
        var template = PathTemplate.Parse("s{subject:00}/s{subject:00}.mat", new Dictionary<string, string>());
        Assert.NotNull(template.Match("s03/s03.mat"));
        Assert.Null(template.Match("s03/s04.mat"));
        Assert.Equal("", template.StaticDirectory);   // "s{subject}" is not a fixed folder
    }

    [Fact]
    public void Missing_field_value_is_named()
    {
        var template = PathTemplate.Parse("{a}/{b}.wav", new Dictionary<string, string>());
        var e = Assert.Throws<KeyNotFoundException>(() => template.Format(new Dictionary<string, string> { ["a"] = "x" }));
        Assert.Contains("'b'", e.Message);
    }
}
