using System.Reflection;

namespace SelfReview.Tests;

/// <summary>Fixture paths: files copied beside the test assembly by the project file.</summary>
public static class TestFiles
{
    public static string Root => AppContext.BaseDirectory;

    public static string SeedText => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.txt");

    /// <summary>The seed as .docx with 一、/（一） from Word automatic numbering and a tracked change (made by SelfReview.Fixtures).</summary>
    public static string SeedDocx => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.docx");

    /// <summary>The seed printed to PDF by LibreOffice: a text layer, three pages (made by SelfReview.Fixtures/make-scans.sh).</summary>
    public static string SeedTextPdf => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.text.pdf");

    /// <summary>The seed as a clean office scan: three 300 dpi black-and-white pages, no text layer.</summary>
    public static string SeedScanPdf => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.scan.pdf");

    /// <summary>The same scan as one three-frame G4 TIFF.</summary>
    public static string SeedScanTif => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.scan.tif");

    /// <summary>The seed's first page alone, a 200 dpi grey PNG.</summary>
    public static string SeedPage1Png => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.page1.png");

    /// <summary>The whole seed as one long phone capture: tilted, noisy, blurred, JPEG.</summary>
    public static string SeedPhoneJpg => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.phone.jpg");

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string CommittedSchemas => Path.Combine(Root, "schemas");

    public static string CorpusFile(string name) => Path.Combine(Corpus, name);

    /// <summary>The functions.metadata the worker SDK generated for SelfReview.Functions (copied by the project file).</summary>
    public static string FunctionsMetadata => Path.Combine(Root, "functions-app", "functions.metadata");

    /// <summary>The Functions app's host.json, as built.</summary>
    public static string FunctionsHostJson => Path.Combine(Root, "functions-app", "host.json");

    /// <summary>The working tree the tests were built from (assembly metadata RepositoryRoot).</summary>
    public static string RepositoryRoot =>
        typeof(TestFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Where the browser tests save their screenshots: artifacts/screenshots/ of the working tree.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    /// <summary>contracts/openapi.yaml.</summary>
    public static string OpenApi => Path.Combine(Root, "contracts", "openapi.yaml");
}
