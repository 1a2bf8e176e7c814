using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanDsl;

/// <summary>Writes a <see cref="TensorShape"/> as a plain JSON array of dimensions, e.g. [1, 28, 28].</summary>
public sealed class TensorShapeJsonConverter : JsonConverter<TensorShape>
{
    public override TensorShape Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<long[]>(ref reader, options) ?? throw new JsonException("a tensor shape must be an array of dimensions"));

    public override void Write(Utf8JsonWriter writer, TensorShape value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var d in value.Dimensions) writer.WriteNumberValue(d);
        writer.WriteEndArray();
    }
}
