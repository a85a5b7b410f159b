using MlNetEmotion.Core.Imaging;
using MlNetEmotion.Neural;
using MlNetEmotion.Vision.Detection;
using MlNetEmotion.Vision.Expression;
using MlNetEmotion.Vision.Faces;
using MlNetEmotion.Vision.Media;

namespace MlNetEmotion.Vision.Tests.Expression;

public class FaceExpressionNetTests
{
    /// <summary>face-api's own JavaScript on TF.js's CPU backend (make_expression_fixture.js) is the reference.</summary>
    private const float Tolerance = 1e-4f;

    public static TheoryData<string> Inputs => new(ExpressionFixture.Inputs);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void MatchesFaceApiProbabilitiesAndEmbedding(string input)
    {
        var result = ExpressionFixture.Net.Predict(ExpressionFixture.Image(input));

        AssertClose(ExpressionFixture.Probabilities(input), result.Probabilities, input + " probabilities");
        AssertClose(ExpressionFixture.Embedding(input), result.Embedding, input + " embedding");
        Assert.Equal(1.0, result.Probabilities.Sum(p => (double)p), 5);
    }

    [Fact]
    public void BatchedPredictionMatchesOneByOne()
    {
        var faces = ExpressionFixture.Inputs.Select(ExpressionFixture.Image).ToArray();
        // 17 faces: one full batch of 16 and a partial one, mixing sizes (the dlib crop is 133×182).
        var many = Enumerable.Range(0, 17).Select(i => faces[i % faces.Length]).ToArray();

        var batched = ExpressionFixture.Net.Predict(many);

        Assert.Equal(many.Length, batched.Count);
        for (int i = 0; i < faces.Length; i++)
        {
            var single = ExpressionFixture.Net.Predict(faces[i]);
            for (int j = i; j < many.Length; j += faces.Length)
            {
                // Batches place several images side by side in one GEMM, which may block the sums differently.
                AssertClose(single.Probabilities, batched[j].Probabilities, $"face {j} probabilities", 1e-6f);
                AssertClose(single.Embedding, batched[j].Embedding, $"face {j} embedding", 1e-6f);
            }
        }
    }

    [Fact]
    public void OneThreadGivesTheSameBitsAsTwo()
    {
        var face = ExpressionFixture.Image("dlib_face");
        int before = torch.get_num_threads();
        try
        {
            torch.set_num_threads(1);
            var one = ExpressionFixture.Net.Predict(face);
            torch.set_num_threads(2);
            var two = ExpressionFixture.Net.Predict(face);
            Assert.Equal(one.Embedding, two.Embedding);
            Assert.Equal(one.Probabilities, two.Probabilities);
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    [Fact]
    public void AstronautDetectedFaceIsHappy()
    {
        // skimage's astronaut (Eileen Collins, NASA, public domain), head and shoulders.
        var photo = ImageLoader.LoadRgb(TestData.Path("expression", "astronaut_head.png"));
        var faces = CascadeClassifier.FrontalFaceDefault().DetectMultiScale(photo);
        var face = FaceTracker.Largest(faces) ?? throw new InvalidOperationException("no face detected in the astronaut photo");

        var result = ExpressionFixture.Net.Predict(FaceCropper.Crop(photo, face));

        Assert.Equal("happy", result.Top);
        Assert.True(result["happy"] > 0.99f, $"P(happy) = {result["happy"]}");
    }

    [Fact]
    public void LabelsAreFaceApisOrderAndIndexerRejectsUnknownLabels()
    {
        Assert.Equal(["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"], FaceExpressionNet.Labels);
        var result = new FaceExpressionResult([0.1f, 0.2f, 0.05f, 0.05f, 0.1f, 0.2f, 0.3f], new float[FaceExpressionNet.EmbeddingSize]);
        Assert.Equal("surprised", result.Top);
        Assert.Equal(0.2f, result["disgusted"]);
        var e = Assert.Throws<ArgumentException>(() => result["contempt"]);
        Assert.Contains("contempt", e.Message);
    }

    [Fact]
    public void ForwardRejectsWrongInputShapeNamingTheExpectedOne()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => ExpressionFixture.Net.forward(torch.zeros(1, 3, 64, 64)));
        Assert.Contains("112", e.Message);
    }

    [Fact]
    public void GreyFaceIsReadAsRgbWithEqualChannels()
    {
        var rgb = ExpressionFixture.Image("random_0");
        var grey = rgb.ToGrey();
        var fromGrey = ExpressionFixture.Net.Predict(grey);
        var fromReplicated = ExpressionFixture.Net.Predict(grey.ToRgb());
        Assert.Equal(fromReplicated.Probabilities, fromGrey.Probabilities);
    }

    private static void AssertClose(float[] expected, float[] actual, string what, float tolerance = Tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        float worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float d = Math.Abs(expected[i] - actual[i]);
            if (d > worst) (worst, at) = (d, i);
        }
        Assert.True(worst <= tolerance, $"{what}: |Δ| = {worst:G3} at {at} (expected {expected[Math.Max(at, 0)]}, got {actual[Math.Max(at, 0)]})");
    }
}
