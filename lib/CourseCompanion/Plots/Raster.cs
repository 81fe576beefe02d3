namespace CourseCompanion.Plots;

/// <summary>An RGB canvas for composing PNGs: pictures scaled by whole factors (nearest neighbour) and bitmap-font text.</summary>
internal sealed class Raster
{
    public Raster(int width, int height, byte background = 255)
    {
        (Width, Height) = (width, height);
        Pixels = new byte[width * height * 3];
        Array.Fill(Pixels, background);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>RGB bytes, row by row.</summary>
    public byte[] Pixels { get; }

    /// <summary>Draws <paramref name="picture"/> with its top-left corner at (x, y), each pixel as a <paramref name="scale"/>² block, over white.</summary>
    public void Draw(Picture picture, int x, int y, int scale)
    {
        var rgba = picture.Rgba;
        for (var row = 0; row < picture.Height * scale; row++)
            for (var col = 0; col < picture.Width * scale; col++)
            {
                var source = 4 * ((row / scale) * picture.Width + col / scale);
                var alpha = rgba[source + 3];
                for (var k = 0; k < 3; k++)
                    Set(x + col, y + row, k, (byte)((rgba[source + k] * alpha + 255 * (255 - alpha) + 127) / 255));
            }
    }

    /// <summary>Writes <paramref name="text"/> with its top-left at (x, y), each font pixel a <paramref name="scale"/>² block.</summary>
    public void DrawText(string text, int x, int y, int scale, byte grey)
    {
        for (var i = 0; i < text.Length; i++)
            for (var row = 0; row < BitmapFont.GlyphHeight * scale; row++)
                for (var col = 0; col < BitmapFont.GlyphWidth * scale; col++)
                    if (BitmapFont.IsInk(text[i], col / scale, row / scale))
                        for (var k = 0; k < 3; k++) Set(x + i * BitmapFont.Advance * scale + col, y + row, k, grey);
    }

    public byte[] ToPng() => Png.Encode(Pixels, Width, Height, PngColor.Rgb);

    private void Set(int x, int y, int channel, byte value)
    {
        if (x >= 0 && x < Width && y >= 0 && y < Height) Pixels[3 * (y * Width + x) + channel] = value;
    }
}
