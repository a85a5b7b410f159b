using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Datasets.Synthetic;
using MlNetEmotion.Datasets.Synthetic.Faces;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Faces;

public class SyntheticFaceIdentityTests
{
    [Fact]
    public void EveryIdentityIsDeterministicWithHairAndIrisesDarkerThanSkin()
    {
        Prop.ForAll(Gen.Choose(0, 1000).Two().ToArbitrary(), p =>
        {
            var (seed, subject) = p;
            var id = SyntheticFaceIdentity.For(seed, subject);
            return id == SyntheticFaceIdentity.For(seed, subject)
                   && id.Hair.Luma < 0.8f * id.Skin.Luma && id.Iris.Luma < 0.7f * id.Skin.Luma
                   && id.FaceWidth is >= 0.72 and <= 0.86 && id.Expressiveness is >= 0.6 and <= 1.65;
        }).QuickCheckThrowOnFailure();
        Assert.NotEqual(SyntheticFaceIdentity.For(1, 1), SyntheticFaceIdentity.For(1, 2));
    }

    [Fact]
    public void ExpressionParametersStayInRangeAndMoveWithValenceAndArousal()
    {
        var unit = Gen.Choose(-1000, 1000).Select(i => i / 1000.0);
        var cases = from v in unit from a in unit from subject in Gen.Choose(0, 200) select (v, a, subject);
        Prop.ForAll(cases.ToArbitrary(), p =>
        {
            var (v, a, subject) = p;
            var id = SyntheticFaceIdentity.For(7, subject);
            var e = FaceExpressionParameters.FromAffect(new AffectState(v, a), id);
            var happier = FaceExpressionParameters.FromAffect(new AffectState(Math.Min(1, v + 0.1), a), id);
            var calmer = FaceExpressionParameters.FromAffect(new AffectState(v, Math.Max(-1, a - 0.1)), id);
            return e.MouthCurvature is >= -1 and <= 1 && e.MouthOpening is >= 0 and <= 1 && e.BrowRaise is >= -1 and <= 1
                   && e.BrowFurrow is >= 0 and <= 1 && e.EyeOpenness is >= 0 and <= 1
                   && happier.MouthCurvature >= e.MouthCurvature && happier.BrowFurrow <= e.BrowFurrow
                   && calmer.EyeOpenness <= e.EyeOpenness && calmer.MouthOpening <= e.MouthOpening && calmer.BrowRaise <= e.BrowRaise;
        }).QuickCheckThrowOnFailure();
        var neutral = FaceExpressionParameters.FromAffect(default, SyntheticFaceIdentity.For(7, 1), intensity: 0);
        Assert.Equal(SyntheticFaceIdentity.For(7, 1).RestingMouthCurvature, neutral.MouthCurvature);
    }
}
