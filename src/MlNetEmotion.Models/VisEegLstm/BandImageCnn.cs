using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.VisEegLstm;

/// <summary>
/// The per-band EEG image encoder of Liu et al. (vis-EEG-LSTM, section 2.1, Fig. 3): a CNN over one band image followed
/// by a fully connected layer, giving e_θ,n, e_α,n or e_β,n. The paper fine-tunes VGG-16; this is a small stand-in of the
/// same shape of computation: two blocks of 3×3 convolution ("same"), ReLU and 2×2 max pooling, then Linear and ReLU.
/// Children <c>conv1</c>, <c>conv2</c>, <c>fc</c>.
/// </summary>
public sealed class BandImageCnn : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc;

    /// <summary>Creates the encoder.</summary>
    /// <param name="imageSize">Side of the square band image (a multiple of 4).</param>
    /// <param name="channels">Channels of the two convolutions.</param>
    /// <param name="features">Size of the band feature.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public BandImageCnn(int imageSize, (int First, int Second) channels, int features, Generator? generator = null) : base("BandImageCnn")
    {
        if (imageSize < 4 || imageSize % 4 != 0) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "BandImageCnn: the image side must be a positive multiple of 4.");
        conv1 = new Conv2d(1, channels.First, (3, 3), Padding.Same, generator: generator);
        conv2 = new Conv2d(channels.First, channels.Second, (3, 3), Padding.Same, generator: generator);
        int pooled = imageSize / 4;
        fc = torch.nn.Linear(channels.Second * pooled * pooled, features, generator: generator);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("fc", fc);
    }

    /// <summary>Encodes band images <paramref name="input"/> <c>[B, 1, size, size]</c> into <c>[B, features]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = torch.nn.functional.max_pool2d(conv1.forward(input).relu(), (2, 2));
        x = torch.nn.functional.max_pool2d(conv2.forward(x).relu(), (2, 2));
        return fc.forward(x.flatten(1)).relu();
    }
}
