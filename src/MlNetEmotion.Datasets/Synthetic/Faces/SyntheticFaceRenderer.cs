using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>
/// Draws a frontal face procedurally: a shaded skin-toned head ellipse with ears, neck and shoulders, hair behind the
/// head and over the forehead, darker eye sockets around sclera, iris and pupil under a lash line, eyebrows, a bright
/// nose bridge between shadowed nose sides and nostrils, and lips around a mouth line or opening, over a striped
/// background. The layout keeps the contrasts a Viola–Jones frontal-face cascade looks for (eye band darker than cheeks
/// and forehead, nose bridge brighter than the eyes). Edges are anti-aliased analytically (coverage ramps of signed
/// distances), so sub-pixel motion moves edges smoothly.
/// </summary>
/// <remarks>Reuses its frame buffer: one renderer per thread. A 160×120 frame takes well under a millisecond.</remarks>
public sealed class SyntheticFaceRenderer
{
    /// <summary>Vertical centre of <see cref="FaceBox"/> below the head's centre, in half head heights (calibrated
    /// against OpenCV's frontal-face cascade, whose boxes span mid-forehead to below the mouth).</summary>
    private const double BoxCenterV = 0.09;

    /// <summary>Half the side of <see cref="FaceBox"/> in half head heights.</summary>
    private const double BoxHalfSide = 0.88;

    private readonly FaceCanvas _canvas;
    private readonly float[] _columnPattern, _rowPattern;

    /// <summary>Creates a renderer for frames of the size in <paramref name="options"/>.</summary>
    /// <param name="options">Frame size; the other settings are used by <see cref="SyntheticFaceVideo"/>.</param>
    public SyntheticFaceRenderer(SyntheticFaceOptions? options = null)
    {
        options ??= new SyntheticFaceOptions();
        options.Validate();
        _canvas = new FaceCanvas(options.Width, options.Height);
        _columnPattern = new float[_canvas.Stride];
        _rowPattern = new float[options.Height];
    }

    /// <summary>The square box a frontal-face detector reports for a face in <paramref name="pose"/>: centred on the
    /// midline a little below the eyes, from mid-forehead to below the mouth and about cheek to cheek.</summary>
    /// <param name="pose">Where the head is.</param>
    public static BoundingBox FaceBox(FramePose pose)
    {
        double scale = pose.HeadHeight / 2, roll = pose.RollDegrees * Math.PI / 180;
        double cx = pose.CenterX - Math.Sin(roll) * BoxCenterV * scale, cy = pose.CenterY + Math.Cos(roll) * BoxCenterV * scale;
        double half = BoxHalfSide * scale;
        int x0 = (int)Math.Round(cx - half), y0 = (int)Math.Round(cy - half);
        int side = (int)Math.Round(2 * half);
        return new BoundingBox(x0, y0, side, side);
    }

    /// <summary>Renders one RGB frame.</summary>
    /// <param name="identity">Whose face.</param>
    /// <param name="expression">The expression to show.</param>
    /// <param name="pose">Where the head is.</param>
    /// <param name="scene">Lighting and background.</param>
    /// <param name="noiseStd">Sensor noise standard deviation in grey levels per channel.</param>
    /// <param name="noiseSeed">Seed of the sensor noise (the same seed gives the same noise).</param>
    public Image<byte> Render(SyntheticFaceIdentity identity, FaceExpressionParameters expression, FramePose pose,
        FrameScene scene, double noiseStd, ulong noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var c = _canvas;
        PaintBackground(scene);
        float a = (float)identity.FaceWidth;
        c.SetPose((float)pose.CenterX, (float)pose.CenterY, (float)(pose.HeadHeight / 2), (float)(pose.RollDegrees * Math.PI / 180));
        var skin = identity.Skin;

        c.Fill(new EllipseShape(0, 2.15f, 1.9f, 0.95f), identity.Clothing);
        c.Fill(new BoxShape(0, 1.2f, 0.34f, 0.5f), skin * 0.78f);
        float volume = (float)identity.HairVolume;
        c.Fill(new EllipseShape(0, -0.12f, a + volume, 0.98f + volume), identity.Hair);
        foreach (float side in (ReadOnlySpan<float>)[-1, 1])
            c.Fill(new EllipseShape(side * (a - 0.02f), 0.02f, 0.1f, 0.17f), skin * 0.9f);
        var head = new EllipseShape(0, 0, a, 1);
        c.Fill(head, skin);
        c.Fill(new HairCapShape(new EllipseShape(0, 0, a + 0.01f, 1.01f), a + 0.01f, -1.02f, (float)identity.HairlineV, 0.4f), identity.Hair);

        DrawEyesAndBrows(identity, expression);
        DrawNose((float)identity.EyeV);
        DrawMouth(identity, expression);

        float azimuth = (float)(scene.LightAzimuthDegrees * Math.PI / 180);
        var light = Normalise(0.9f * MathF.Sin(azimuth), -0.35f, MathF.Cos(azimuth));
        c.ShadeHead(head, a, 1, light, (float)scene.Ambient);
        return c.ToImage((float)scene.Gain, (float)scene.Gradient, (float)noiseStd, noiseSeed);
    }

    private void DrawEyesAndBrows(SyntheticFaceIdentity identity, FaceExpressionParameters expression)
    {
        var c = _canvas;
        float ey = (float)identity.EyeV, size = (float)identity.EyeSize, open = (float)expression.EyeOpenness;
        var brow = new RgbColor(MathF.Min(identity.Hair.R, identity.Skin.R * 0.5f), MathF.Min(identity.Hair.G, identity.Skin.G * 0.5f),
            MathF.Min(identity.Hair.B, identity.Skin.B * 0.5f));
        // The whites stay close to the skin's brightness: at detection scale an eye must read as a dark blob.
        var sclera = RgbColor.Lerp(identity.Skin * 0.9f, new RgbColor(225, 220, 215), 0.3f);
        float raise = (float)expression.BrowRaise, furrow = (float)expression.BrowFurrow;
        foreach (float side in (ReadOnlySpan<float>)[-1, 1])
        {
            float ex = side * (float)identity.EyeSpacing;
            c.Multiply(new EllipseShape(ex, ey - 0.015f, 0.2f * size, 0.13f * size), 0.62f, 0.07f);
            float eh = 0.06f * size * open;
            if (eh > 0.004f)
            {
                c.Fill(new EllipseShape(ex, ey, 0.11f * size, eh), sclera);
                c.Fill(new EllipseShape(ex, ey, 0.06f * size, MathF.Min(0.06f * size, eh)), identity.Iris);
                c.Fill(new EllipseShape(ex, ey, 0.022f * size, MathF.Min(0.022f * size, eh)), new RgbColor(12, 10, 10));
            }
            c.Fill(new CurveBand(ex, ey, 0.115f * size, 0, 0, -eh, 0.016f, rounded: true), new RgbColor(35, 25, 25));
            // The inner end (towards the nose, t = −side) drops with furrowing; every brow arches (ends lower).
            float browV = ey - 0.19f * size - 0.08f * raise + 0.02f * furrow;
            c.Fill(new CurveBand(ex, browV, 0.13f * size, 0.035f, -side * 0.06f * furrow, 0, 0.028f * (float)identity.BrowThickness, rounded: false), brow);
        }
    }

    private void DrawNose(float eyeV)
    {
        var c = _canvas;
        c.Multiply(new EllipseShape(0, eyeV + 0.14f, 0.05f, 0.24f), 1.12f, 0.04f);
        foreach (float side in (ReadOnlySpan<float>)[-1, 1])
        {
            c.Multiply(new EllipseShape(side * 0.085f, 0.2f, 0.03f, 0.13f), 0.86f, 0.04f);
            c.Multiply(new EllipseShape(side * 0.055f, 0.31f, 0.03f, 0.018f), 0.55f, 0.01f);
        }
        c.Multiply(new EllipseShape(0, 0.355f, 0.09f, 0.025f), 0.86f, 0.03f);
    }

    private void DrawMouth(SyntheticFaceIdentity identity, FaceExpressionParameters expression)
    {
        var c = _canvas;
        float mv = (float)identity.MouthV, mw = 0.23f * (float)identity.MouthWidth;
        float bend = -0.12f * (float)expression.MouthCurvature, open = 0.1f * (float)expression.MouthOpening;
        var lip = new RgbColor(identity.Skin.R * 0.8f, identity.Skin.G * 0.56f, identity.Skin.B * 0.58f);
        c.Fill(new CurveBand(0, mv, mw, bend, 0, -(open + 0.022f), 0.022f, rounded: true), lip);
        c.Fill(new CurveBand(0, mv, mw, bend, 0, open + 0.03f, 0.03f, rounded: true), lip);
        c.Fill(new CurveBand(0, mv, mw, bend, 0, 0, MathF.Max(open, 0.008f), rounded: true), new RgbColor(55, 22, 24));
        if (expression.MouthCurvature > 0 && open > 0.012f)
            c.Fill(new CurveBand(0, mv, mw * 0.8f, bend * 0.64f, 0, -0.45f * open, 0.4f * open, rounded: true), new RgbColor(215, 208, 196));
        foreach (float side in (ReadOnlySpan<float>)[-1, 1])
            c.Multiply(new EllipseShape(side * mw, mv + bend, 0.025f, 0.025f), 0.72f, 0.02f);
    }

    private void PaintBackground(FrameScene scene)
    {
        int w = _columnPattern.Length, h = _rowPattern.Length;
        double k = 2 * Math.PI / scene.StripePeriod;
        for (int x = 0; x < w; x++)
            _columnPattern[x] = (float)(0.2 + 0.18 * Math.Sin(k * x + scene.StripePhase));
        for (int y = 0; y < h; y++)
            _rowPattern[y] = 0.35f * y / h;
        _canvas.PaintBackground(scene.Background, scene.BackgroundAccent, _columnPattern, _rowPattern);
    }

    private static (float X, float Y, float Z) Normalise(float x, float y, float z)
    {
        float n = MathF.Sqrt(x * x + y * y + z * z);
        return (x / n, y / n, z / n);
    }
}
