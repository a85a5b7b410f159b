using MlNetEmotion.Datasets.Synthetic.Corpus;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>
/// A synthetic subject's face, drawn once per (seed, subject) and constant across that subject's trials. Lengths are in
/// face units (one unit = half the head's height). Besides looks (skin tone from light to dark, hair colour and hairline,
/// face width, eye spacing and height, mouth width) each subject has a resting mouth curvature and an expressiveness
/// gain: some people look a little happy or a little sour at rest and some show more than others. The resting curvature
/// alone moves the mouth as much as a valence change of about ±0.4, so a threshold learned on other subjects misplaces
/// part of a new subject's trials.
/// </summary>
/// <param name="Skin">Skin colour.</param>
/// <param name="Hair">Hair colour.</param>
/// <param name="Iris">Iris colour.</param>
/// <param name="Clothing">Shirt colour.</param>
/// <param name="FaceWidth">Half-width of the head ellipse (its half-height is 1), about 0.72..0.86.</param>
/// <param name="HairlineV">Height of the hairline at the middle of the forehead (negative is up), about −0.66..−0.5.</param>
/// <param name="HairVolume">How far the hair stands out beyond the head, about 0.04..0.16.</param>
/// <param name="EyeSpacing">Distance of each eye's centre from the face's midline, about 0.26..0.33.</param>
/// <param name="EyeV">Height of the eye line, about −0.12..−0.04.</param>
/// <param name="EyeSize">Scale of the eyes, about 0.9..1.1.</param>
/// <param name="BrowThickness">Scale of the eyebrows' thickness, about 0.8..1.3.</param>
/// <param name="MouthWidth">Scale of the mouth's width, about 0.85..1.15.</param>
/// <param name="MouthV">Height of the mouth line, about 0.46..0.56.</param>
/// <param name="RestingMouthCurvature">Mouth curvature of the neutral face (positive smiles): normal with standard
/// deviation 0.3, clipped to ±0.75 (comparable to the 0.8·valence of the planted effect).</param>
/// <param name="Expressiveness">Gain on every expression effect, about 0.6..1.5.</param>
public sealed record SyntheticFaceIdentity(RgbColor Skin, RgbColor Hair, RgbColor Iris, RgbColor Clothing,
    double FaceWidth, double HairlineV, double HairVolume, double EyeSpacing, double EyeV, double EyeSize,
    double BrowThickness, double MouthWidth, double MouthV, double RestingMouthCurvature, double Expressiveness)
{
    private static readonly RgbColor LightSkin = new(245, 208, 182), DarkSkin = new(105, 68, 48);
    private static readonly RgbColor[] HairColors = [new(22, 18, 16), new(55, 36, 24), new(95, 62, 36), new(170, 130, 80), new(128, 124, 120)];
    private static readonly RgbColor[] IrisColors = [new(60, 38, 22), new(90, 70, 40), new(70, 95, 120), new(80, 100, 70)];

    /// <summary>The face of <paramref name="subject"/> in the corpus of <paramref name="seed"/>.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number.</param>
    public static SyntheticFaceIdentity For(int seed, int subject)
    {
        var g = new Generator(SyntheticSeed.For(seed, subject, 0, SyntheticSeed.Stream.Face));
        double Normal() => Math.Clamp(g.NextNormal(), -2.5, 2.5);
        double Uniform(double low, double high) => low + (high - low) * g.NextDouble();
        var skin = RgbColor.Lerp(LightSkin, DarkSkin, (float)Math.Pow(g.NextDouble(), 1.5));
        skin = new RgbColor(skin.R * (float)(1 + 0.03 * Normal()), skin.G, skin.B * (float)(1 + 0.04 * Normal()));
        // Hair and irises are darker than the skin (the palettes' first entries always are), as a frontal-face
        // detector expects a forehead brighter than the eye line.
        RgbColor PickDarker(RgbColor[] palette, float fraction)
        {
            var allowed = palette.Where(p => p.Luma < fraction * skin.Luma).DefaultIfEmpty(palette[0]).ToArray();
            return allowed[(int)g.NextInt64(0, allowed.Length)];
        }
        return new SyntheticFaceIdentity(
            Skin: skin,
            Hair: PickDarker(HairColors, 0.8f),
            Iris: PickDarker(IrisColors, 0.7f),
            Clothing: new RgbColor((float)Uniform(30, 220), (float)Uniform(30, 220), (float)Uniform(30, 220)),
            FaceWidth: Uniform(0.72, 0.86),
            HairlineV: Uniform(-0.66, -0.5),
            HairVolume: Uniform(0.04, 0.16),
            EyeSpacing: Uniform(0.26, 0.33),
            EyeV: Uniform(-0.12, -0.04),
            EyeSize: Uniform(0.9, 1.1),
            BrowThickness: Uniform(0.8, 1.3),
            MouthWidth: Uniform(0.85, 1.15),
            MouthV: Uniform(0.46, 0.56),
            RestingMouthCurvature: 0.3 * Normal(),
            Expressiveness: Math.Exp(0.2 * Normal()));
    }
}
