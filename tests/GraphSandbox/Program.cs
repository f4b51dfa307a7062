namespace GraphSandbox;

/// <summary>Standalone: dotnet run --project tests/GraphSandbox -- --urls http://127.0.0.1:5080</summary>
internal static class SandboxProgram
{
    private static void Main(string[] args) => SandboxApp.Build(args).Run();
}
