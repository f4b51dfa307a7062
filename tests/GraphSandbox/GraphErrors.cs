namespace GraphSandbox;

/// <summary>Errors in Graph's shape: {"error":{"code","message","innerError"}} so the SDK raises ODataError.</summary>
internal static class GraphErrors
{
    public static IResult Problem(int status, string code, string message) => Results.Json(
        new
        {
            error = new
            {
                code,
                message,
                innerError = new { date = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), requestId = Guid.NewGuid().ToString() },
            },
        },
        statusCode: status);

    public static IResult NotFound(string what) => Problem(404, "ResourceNotFound", $"The specified object was not found in the store. ({what})");
}
