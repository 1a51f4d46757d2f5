using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SelfReview.Functions.Hosting;

// The isolated worker with ASP.NET Core integration (HttpRequest in, IResult out). Options, clients and
// the engine are wired in AddSelfReviewFunctions; no logic lives here.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSelfReviewFunctions(builder.Configuration);
builder.Build().Run();
