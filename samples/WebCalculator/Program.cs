// The web calculator: a REST API (POST /calculate, GET /parameters, /parameters/{name}, /programs, /regions, the
// OpenAPI document at /openapi/v1.json) and a household calculator page in Chinese and English at /.
//   dotnet run -c Release --project samples/WebCalculator -- --urls http://127.0.0.1:5080
using Samples.WebCalculator;

CalculatorApp.Build(args).Run();

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
