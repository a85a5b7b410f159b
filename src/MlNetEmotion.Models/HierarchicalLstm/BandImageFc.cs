using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.HierarchicalLstm;

/// <summary>
/// The per-band EEG image encoder of Wu et al. (IEEE Access 2020, section III.B, Fig. 2): a fully connected network
/// instead of a CNN: the band image flattened, Linear → ReLU → Linear → ReLU, giving e_θ,n, e_α,n or e_β,n.
/// Children <c>fc1</c>, <c>fc2</c>.
/// </summary>
public sealed class BandImageFc : Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates the encoder.</summary>
    /// <param name="imageSize">Side of the square band image.</param>
    /// <param name="hidden">Width of the hidden layer.</param>
    /// <param name="features">Size of the band feature.</param>
    /// <param name="generator">Random source for the init (default generator when null).</param>
    public BandImageFc(int imageSize, int hidden, int features, Generator? generator = null) : base("BandImageFc")
    {
        fc1 = torch.nn.Linear(imageSize * imageSize, hidden, generator: generator);
        fc2 = torch.nn.Linear(hidden, features, generator: generator);
        register_module("fc1", fc1);
        register_module("fc2", fc2);
    }

    /// <summary>Encodes band images <paramref name="input"/> <c>[B, 1, size, size]</c> into <c>[B, features]</c>.</summary>
    public override Tensor forward(Tensor input) => fc2.forward(fc1.forward(input.flatten(1)).relu()).relu();
}
