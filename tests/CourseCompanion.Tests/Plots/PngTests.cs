using CourseCompanion.Plots;

namespace CourseCompanion.Tests.Plots;

public class PngTests
{
    [Theory]
    [InlineData(PngColor.Grey, 1)]
    [InlineData(PngColor.Rgb, 3)]
    [InlineData(PngColor.Rgba, 4)]
    public void Encoded_pixels_decode_back_unchanged(PngColor color, int channels)
    {
        var (width, height) = (7, 5);
        var pixels = Enumerable.Range(0, width * height * channels).Select(i => (byte)(i * 37 % 256)).ToArray();

        var png = DecodedPng.Decode(Png.Encode(pixels, width, height, color));

        Assert.Equal((width, height, (int)color, 8), (png.Width, png.Height, png.ColorType, png.BitDepth));
        Assert.Equal(pixels, png.Pixels);
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.ChunkTypes);
    }

    [Fact]
    public void Wrong_pixel_count_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Png.Encode(new byte[10], 2, 2, PngColor.Rgb));
    }

    [Fact]
    public void Unit_range_and_byte_range_pictures_give_the_same_pixels()
    {
        Picture unit = new double[,] { { 0, 0.5 }, { 1, 0.25 } };
        Picture bytes = new double[,] { { 0, 127.5 }, { 255, 63.75 } };

        var a = DecodedPng.Decode(unit.ToPng());
        var b = DecodedPng.Decode(bytes.ToPng());

        Assert.Equal(0, a.ColorType); // grey, the smallest exact encoding
        Assert.Equal(new byte[] { 0, 128, 255, 64 }, a.Pixels);
        Assert.Equal(a.Pixels, b.Pixels);
    }

    [Fact]
    public void Colour_pictures_keep_channel_order()
    {
        var rgb = new double[1, 2, 3];
        (rgb[0, 0, 0], rgb[0, 1, 2]) = (1, 1); // a red then a blue pixel

        var png = DecodedPng.Decode(((Picture)rgb).ToPng());

        Assert.Equal(2, png.ColorType);
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 255 }, png.Pixels);
    }

    [Fact]
    public void Image_grid_places_each_upscaled_image_in_its_cell()
    {
        var white = new double[,] { { 1, 1 }, { 1, 1 } };
        var black = new double[,] { { 0, 0 }, { 0, 0 } };
        var grid = new ImageGrid([black, white, black], columns: 2, scale: 3);

        var png = DecodedPng.Decode(grid.ToPng());

        // gap 4, cells 6 px wide and high: 2 columns → 4 + 2·(6 + 4) = 24 wide; 2 rows → 24 high
        Assert.Equal((24, 24), (png.Width, png.Height));
        byte Red(int x, int y) => png.Pixels[3 * (y * png.Width + x)];
        Assert.Equal(0, Red(4, 4));     // first image, top-left pixel
        Assert.Equal(0, Red(9, 9));     // first image, bottom-right pixel
        Assert.Equal(255, Red(10, 10)); // the gap after it
        Assert.Equal(255, Red(14, 4));  // second image (white)
        Assert.Equal(0, Red(4, 14));    // third image, second row
        Assert.Equal(255, Red(14, 14)); // empty fourth cell stays background
    }

    [Fact]
    public void Image_grid_titles_are_drawn_above_the_images()
    {
        var black = new double[,] { { 0 } };
        var withTitles = DecodedPng.Decode(new ImageGrid([black], ["Hi"], scale: 1).ToPng());
        var without = DecodedPng.Decode(new ImageGrid([black], scale: 1).ToPng());

        Assert.True(withTitles.Height > without.Height);
        Assert.Contains(withTitles.Pixels, p => p is > 0 and < 255); // grey title ink
        Assert.DoesNotContain(without.Pixels, p => p is > 0 and < 255);
    }
}
