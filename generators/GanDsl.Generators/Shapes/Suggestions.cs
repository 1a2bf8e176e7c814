using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static System.FormattableString;

namespace GanDsl.Generators.Shapes;

/// <summary>
/// The fixes GanDsl's messages suggest, in one place: the hint text a message ends with and the fix data a code fix
/// reads (<see cref="Problem.Fix"/>). Suggested only when one answer is clearly right. Text is culture-invariant:
/// the analyzer runs inside the compiler, under the user's culture.
/// </summary>
internal static class Suggestions
{
    /// <summary>Fix data for "a Reshape to these dimensions" (inserted, rewritten or appended, by diagnostic).</summary>
    public const string ReshapePrefix = "Reshape:";

    /// <summary>"1, 28, 28": dimensions as the attribute's arguments.</summary>
    public static string Arguments(IEnumerable<long> dims) =>
        string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>GAN001: the generator's output has the discriminator's element count, so a Reshape at its end fits
    /// them; when the dimensions are the same ones in another order, the likely cause is a channels-last layout.</summary>
    public static (string Hint, string Fix) ForMismatch(Shape produced, Shape expected, string generator)
    {
        if (ElementCount(produced) != ElementCount(expected)) return ("", "");
        string reshape = Invariant($"end {generator} with [Reshape({Arguments(expected.Dims)})]");
        bool permuted = produced.Rank == expected.Rank
                        && produced.Dims.OrderBy(d => d).SequenceEqual(expected.Dims.OrderBy(d => d));
        string hint = permuted ? "; GanDsl shapes are channels-first (C, H, W), so " + reshape : "; " + reshape;
        return (hint, ReshapePrefix + Arguments(expected.Dims));
    }

    /// <summary>GAN004 for an image layer on a flat vector. Right after the latent vector, the DCGAN layout: the latent
    /// as channels of a 1 x 1 image. Elsewhere, the one obvious square image (see <see cref="ImageLayoutFor"/>).</summary>
    public static (string Hint, string Fix) ForImageInput(Shape input, bool isLatent)
    {
        if (input.Rank != 1) return ("", "");
        if (isLatent)
        {
            string dcgan = Invariant($"{input[0]}, 1, 1");
            return (Invariant($"; add [Reshape({dcgan})] before it (the DCGAN layout: {input[0]} channels of 1 x 1)"), ReshapePrefix + dcgan);
        }
        string layout = ImageLayoutFor(input[0]);
        return layout.Length > 0
            ? (Invariant($"; add [Reshape({layout})] before it"), ReshapePrefix + layout)
            : ("; add a [Reshape(C, H, W)] before it", "");
    }

    /// <summary>The one obvious (C, H, W) for a flat vector: a square image with <paramref name="preferredChannels"/>
    /// (the channels the user wrote), else 1, else 3 channels; else none.</summary>
    internal static string ImageLayoutFor(long elements, long preferredChannels = 0)
    {
        foreach (long channels in new[] { preferredChannels, 1, 3 })
        {
            if (channels <= 0 || elements % channels != 0) continue;
            long side = (long)Math.Round(Math.Sqrt(elements / channels));
            if (side > 0 && side * side * channels == elements) return Invariant($"{channels}, {side}, {side}");
        }
        return "";
    }

    /// <summary>A GAN002 fix that keeps the rank the user wrote, so the layers after it see what they were
    /// written for: the input's own layout at the same rank, the flat count for a rank-1 Reshape, or a square
    /// image (the user's channels first) for a (C, H, W) Reshape of a flat input. Nothing for other ranks.</summary>
    public static string ForReshapeCount(Shape input, Shape declared)
    {
        if (declared.Rank == input.Rank) return ReshapePrefix + Arguments(input.Dims);
        if (declared.Rank == 1) return ReshapePrefix + input.ElementCount.ToString(CultureInfo.InvariantCulture);
        if (declared.Rank == 3 && input.Rank == 1 && ImageLayoutFor(input[0], declared[0]) is { Length: > 0 } layout)
            return ReshapePrefix + layout;
        return "";
    }

    /// <summary>Element count as a double: two shapes that passed inference fit a long, but this never throws.</summary>
    private static double ElementCount(Shape shape) => shape.Dims.Aggregate(1.0, (a, d) => a * d);
}
