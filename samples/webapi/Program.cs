using Attribution;

// POST an article (plain text) to /attribute; get back its sentences, each with its sources.
// Set Attribution:ModelPath (appsettings, environment or command line) to serve your own model file;
// it is reloaded when the file changes.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddAttribution(options => options.ModelPath = builder.Configuration["Attribution:ModelPath"]);
WebApplication app = builder.Build();
_ = app.Services.GetRequiredService<Attribution.Hosting.AttributionModelProvider>();  // load at start-up: a bad model path fails here, not on the first request

app.MapPost("/attribute", async (HttpRequest request, AttributionModel model, CancellationToken cancellationToken) =>
{
    using var reader = new StreamReader(request.Body);
    string article = await reader.ReadToEndAsync(cancellationToken);
    if (string.IsNullOrWhiteSpace(article))
        return Results.BadRequest(new { error = "Post the article's text as the request body." });
    return Results.Ok(model.Attribute(article, new PredictionOptions { EvidenceCount = 0 }).Select(s => new
    {
        s.Index,
        s.Start,
        s.Length,
        s.Text,
        s.Label,
        s.Labels,
        s.Confidence,
    }));
});

app.MapGet("/labels", (AttributionModel model) => model.Labels);

app.Run();
