namespace SelfReview.Tests;

/// <summary>Fixture paths: files copied beside the test assembly by the project file.</summary>
public static class TestFiles
{
    public static string Root => AppContext.BaseDirectory;

    public static string SeedText => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.txt");

    /// <summary>The seed as .docx with 一、/（一） from Word automatic numbering and a tracked change (made by SelfReview.Fixtures).</summary>
    public static string SeedDocx => Path.Combine(Root, "seeds", "000_2b906ff47b59dcbb.docx");

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string CommittedSchemas => Path.Combine(Root, "schemas");

    public static string CorpusFile(string name) => Path.Combine(Corpus, name);

    /// <summary>The functions.metadata the worker SDK generated for SelfReview.Functions (copied by the project file).</summary>
    public static string FunctionsMetadata => Path.Combine(Root, "functions-app", "functions.metadata");

    /// <summary>The Functions app's host.json, as built.</summary>
    public static string FunctionsHostJson => Path.Combine(Root, "functions-app", "host.json");

    /// <summary>contracts/openapi.yaml.</summary>
    public static string OpenApi => Path.Combine(Root, "contracts", "openapi.yaml");
}
