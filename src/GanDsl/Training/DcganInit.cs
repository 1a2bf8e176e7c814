using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanDsl;

/// <summary>The DCGAN paper's initialisation: conv, transposed conv and dense weights ~ N(0, 0.02),
/// BatchNorm scale ~ N(1, 0.02), biases 0. TorchSharp's ConvTranspose2d is not a Conv2d, so each type is listed.</summary>
public static class DcganInit
{
    public static void Apply(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv: Normal(conv.weight, conv.bias, 0.0); break;
                case ConvTranspose2d deconv: Normal(deconv.weight, deconv.bias, 0.0); break;
                case Linear linear: Normal(linear.weight, linear.bias, 0.0); break;
                case BatchNorm1d norm: Normal(norm.weight, norm.bias, 1.0); break;
                case BatchNorm2d norm: Normal(norm.weight, norm.bias, 1.0); break;
            }
        }
    }

    private static void Normal(Tensor? weight, Tensor? bias, double mean)
    {
        // init functions return the tensor they were given: never dispose the result.
        if (weight is not null) nn.init.normal_(weight, mean, 0.02);
        if (bias is not null) nn.init.zeros_(bias);
    }
}
