namespace MlNetEmotion.Datasets.Synthetic.Faces;

/// <summary>Where the head is in one frame.</summary>
/// <param name="CenterX">Column of the head ellipse's centre in pixels.</param>
/// <param name="CenterY">Row of the head ellipse's centre in pixels.</param>
/// <param name="HeadHeight">Chin-to-crown height of the head ellipse in pixels.</param>
/// <param name="RollDegrees">In-plane rotation, clockwise on screen.</param>
public readonly record struct FramePose(double CenterX, double CenterY, double HeadHeight, double RollDegrees);

/// <summary>The illumination and background of one frame.</summary>
/// <param name="LightAzimuthDegrees">Direction the key light comes from: 0 frontal-above, negative from the image's
/// left, positive from its right.</param>
/// <param name="Ambient">Fraction of light that is ambient (no shading), in [0, 1].</param>
/// <param name="Gain">Overall brightness gain (1 = nominal exposure).</param>
/// <param name="Gradient">Left-to-right illumination fall-off across the frame (0 = even; 0.2 = 20 % brighter at the right).</param>
/// <param name="Background">Background base colour.</param>
/// <param name="BackgroundAccent">Colour of the background's stripes and gradient.</param>
/// <param name="StripePeriod">Period of the background's vertical stripes in pixels.</param>
/// <param name="StripePhase">Phase of the stripes in radians.</param>
public readonly record struct FrameScene(double LightAzimuthDegrees, double Ambient, double Gain, double Gradient,
    RgbColor Background, RgbColor BackgroundAccent, double StripePeriod, double StripePhase);
