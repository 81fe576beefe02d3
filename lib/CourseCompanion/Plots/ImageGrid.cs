using CourseCompanion.Tensors;

namespace CourseCompanion.Plots;

/// <summary>
/// A grid of small images (e.g. Fashion-MNIST samples with their labels), like d2l's <c>show_images</c>, rendered as one PNG:
/// pixels stay exact, enlarged by nearest neighbour, and titles are drawn with a built-in 5×7 font so no font is needed.
/// </summary>
[TypeFormatterSource(typeof(RichOutputFormatters), PreferredMimeTypes = [MimeTypes.Png])]
public sealed class ImageGrid : IPngRenderable
{
    private const int Gap = 4;
    private readonly Picture[] images;
    private readonly IReadOnlyList<string>? titles;

    /// <summary>
    /// Lays out <paramref name="images"/> row by row in <paramref name="columns"/> columns, each pixel drawn as a
    /// <paramref name="scale"/> × <paramref name="scale"/> block, with an optional title above each image.
    /// </summary>
    public ImageGrid(IEnumerable<Picture> images, IReadOnlyList<string>? titles = null, int columns = 8, int scale = 3)
    {
        this.images = [.. images];
        if (this.images.Length == 0) throw new ArgumentException("An image grid needs at least one image.", nameof(images));
        if (titles is not null && titles.Count != this.images.Length)
            throw new ArgumentException($"{titles.Count} titles for {this.images.Length} images.", nameof(titles));
        if (columns < 1 || scale < 1) throw new ArgumentException("Columns and scale must be at least 1.");
        (this.titles, Scale) = (titles, scale);
        Columns = Math.Min(columns, this.images.Length);
        Rows = (this.images.Length + Columns - 1) / Columns;
    }

    /// <summary>Lays out a batch of images [N, H, W] or [N, C, H, W] (PyTorch's layout), one per cell.</summary>
    public ImageGrid(Tensor batch, IReadOnlyList<string>? titles = null, int columns = 8, int scale = 3)
        : this(Enumerable.Range(0, batch.Size(0)).Select(i => (Picture)batch[i]), titles, columns, scale) { }

    /// <summary>Columns of images.</summary>
    public int Columns { get; }

    /// <summary>Rows of images.</summary>
    public int Rows { get; }

    /// <summary>Screen pixels per image pixel.</summary>
    public int Scale { get; }

    private int FontScale => Scale >= 3 ? 2 : 1;

    private int TitleHeight => titles is null ? 0 : BitmapFont.GlyphHeight * FontScale + Gap;

    private int CellWidth => Math.Max(images.Max(i => i.Width) * Scale, titles?.Max(t => BitmapFont.Width(t, FontScale)) ?? 0);

    private int CellHeight => images.Max(i => i.Height) * Scale + TitleHeight;

    /// <inheritdoc/>
    public byte[] ToPng()
    {
        var raster = new Raster(Gap + Columns * (CellWidth + Gap), Gap + Rows * (CellHeight + Gap));
        for (var i = 0; i < images.Length; i++)
        {
            var (x, y) = (Gap + i % Columns * (CellWidth + Gap), Gap + i / Columns * (CellHeight + Gap));
            if (titles is not null)
                raster.DrawText(titles[i], x + (CellWidth - BitmapFont.Width(titles[i], FontScale)) / 2, y, FontScale, grey: 40);
            raster.Draw(images[i], x + (CellWidth - images[i].Width * Scale) / 2, y + TitleHeight, Scale);
        }
        return raster.ToPng();
    }

    /// <summary>Writes the PNG to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToPng());

    /// <inheritdoc/>
    public override string ToString() =>
        $"ImageGrid of {images.Length} images ({images[0].Height}×{images[0].Width}) in {Rows}×{Columns}" +
        (titles is null ? "" : ": " + string.Join(", ", titles.Take(8)) + (titles.Count > 8 ? ", ..." : ""));
}
