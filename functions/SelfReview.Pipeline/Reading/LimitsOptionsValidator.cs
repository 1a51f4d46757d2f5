using Microsoft.Extensions.Options;

namespace SelfReview.Pipeline.Reading;

/// <summary>Validates <see cref="LimitsOptions"/> on start, naming every value that is out of range.</summary>
internal sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var failures = LimitsOptions.Validate(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
