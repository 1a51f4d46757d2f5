using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SelfReview.Benchmarks -- --filter '*'          (all stages)
// dotnet run -c Release --project bench/SelfReview.Benchmarks -- --filter '*Analyze*'  (one class)
BenchmarkSwitcher.FromAssembly(typeof(SelfReview.Benchmarks.Corpus).Assembly).Run(args);
