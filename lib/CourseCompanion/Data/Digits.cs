namespace CourseCompanion.Data;

/// <summary>
/// The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", test part, via scikit-learn): 1,797 images
/// whose pixels count dark cells of a 4×4 block (0…16). Inputs float32 [1797, 64] (reshape to [N, 1, 8, 8] for convolutions), targets int64 in 0…9.
/// </summary>
public static class Digits
{
    /// <summary>Loads the committed copy of scikit-learn's <c>digits.csv</c>; pixel values stay in 0…16, as sklearn returns them.</summary>
    public static TensorDataset Load() => SklearnCsv.Load(Path.Combine(DataFiles.Directory("digits"), "digits.csv"), features: 64, headerLines: 0);
}
