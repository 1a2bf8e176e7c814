namespace GanDsl;

/// <summary>The adversarial objective. All losses work on discriminator logits.</summary>
public enum GanLoss
{
    /// <summary>G maximises log D(G(z)) (the seeds' practical choice).</summary>
    NonSaturating = 0,

    /// <summary>The original value function: D maximises E[log D(x)] + E[log(1 - D(G(z)))] and G minimises it.</summary>
    Minimax = 1,
}
