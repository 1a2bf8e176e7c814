namespace GanDsl;

/// <summary>Channel counts with a meaning of their own, for the out-channel argument of Conv2d and ConvTranspose2d.</summary>
public static class Channels
{
    /// <summary>As many output channels as the layer's input has (resolved at each use, so a block can keep the width
    /// of whatever network uses it).</summary>
    public const int Same = -1;
}
