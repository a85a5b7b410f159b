using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.Reinforce;

/// <summary>
/// A learned reward baseline b_n = w·s_n + c read from the (detached) core state before each action, as in the
/// recurrent attention model of Mnih et al. (2014); subtracting it from R lowers the variance of the REINFORCE estimate
/// (Liu et al. eq. 8; Wu et al. eq. 15) without biasing it, because s_n does not depend on the action a_n.
/// Child <c>fc</c>.
/// </summary>
public sealed class RewardBaseline : Module<Tensor, Tensor>
{
    private readonly Linear fc;

    /// <summary>Creates the baseline for states of size <paramref name="stateSize"/>.</summary>
    public RewardBaseline(int stateSize, Generator? generator = null) : base("RewardBaseline")
    {
        fc = torch.nn.Linear(stateSize, 1, generator: generator);
        register_module("fc", fc);
    }

    /// <summary>Baselines for states <paramref name="input"/> <c>[…, stateSize]</c>: <c>[…]</c>. The states are detached, so the
    /// baseline's own loss trains only this module.</summary>
    public override Tensor forward(Tensor input) => fc.forward(input.detach()).squeeze(input.ndim - 1);
}
