using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Tests;

public class MalformedNotebookTests
{
    [Theory]
    [InlineData("{\"cells\": [", "$", "invalid JSON")]
    [InlineData("[]", "$", "JSON object")]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"cells\": []}", "nbformat", "major version 3")]
    [InlineData("{\"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}", "nbformat", "missing field")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "cells", "missing field")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}]}", "cells[0].source", "missing field")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"x\", \"execution_count\": null}]}", "cells[0].outputs", "missing field")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": 5}]}", "cells[0].source", "string or a list")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"slide\", \"metadata\": {}, \"source\": \"\"}]}", "cells[0].cell_type", "unknown cell type")]
    public void Errors_name_the_file_and_the_field_and_leave_the_file_alone(string json, string field, string problem)
    {
        string path = Path.Combine(Fixture.NewFolder(), "broken.ipynb");
        File.WriteAllText(path, json);
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.Equal(path, error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith(path, error.Message);
        Assert.Equal(json, File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load("/nonexistent/none.ipynb"));
        Assert.Contains("/nonexistent/none.ipynb", error.Message);
    }
}
