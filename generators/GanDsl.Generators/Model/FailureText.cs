using System;

namespace GanDsl.Generators.Model;

/// <summary>How an unexpected exception inside GanDsl is described in GAN000: type and message on one line.</summary>
internal static class FailureText
{
    public static string Of(Exception error) =>
        error.GetType().Name + ": " + error.Message.Replace("\r", " ").Replace("\n", " ");
}
