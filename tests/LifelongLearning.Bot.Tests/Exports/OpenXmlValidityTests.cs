using LifelongLearning.Bot.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LifelongLearning.Bot.Core.Exports;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>Both files pass the Open XML SDK's schema validation, so Word and Excel open them without a repair prompt.</summary>
public sealed class OpenXmlValidityTests(ExportStore world) : IClassFixture<ExportStore>
{
    [Theory]
    [InlineData("2025")]
    [InlineData("2023-2025")]
    public void The_document_and_the_workbook_are_valid_Open_XML(string scope)
    {
        ExportScope.TryParse(scope, out var s);
        var files = world.Files.Build(s!, Communes.Shipped);
        using (var docx = WordprocessingDocument.Open(new MemoryStream(files.Single(f => f.Name.EndsWith(".docx", StringComparison.Ordinal)).Content), false))
            Valid(new OpenXmlValidator().Validate(docx));
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(files.Single(f => f.Name.EndsWith(".xlsx", StringComparison.Ordinal)).Content), false))
            Valid(new OpenXmlValidator().Validate(xlsx));
    }

    private static void Valid(IEnumerable<ValidationErrorInfo> errors)
    {
        var problems = errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Distinct().Take(10).ToList();
        if (problems.Count > 0) Assert.Fail(string.Join("\n", problems));
    }
}
