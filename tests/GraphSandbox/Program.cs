using GraphSandbox;

// Standalone: dotnet run --project tests/GraphSandbox -- --urls http://127.0.0.1:5080
var app = SandboxApp.Build(args);
app.Run();
