using LifelongLearning.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LifelongLearning.Bot.Files;

/// <summary>GET /files/{token}: the file behind a live link; 404 for a token never issued, 410 for one expired.</summary>
public static class PublicFileEndpoint
{
    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder app, PublicFiles files, BotStore store)
    {
        app.MapGet(PublicFiles.PathPrefix + "{token}", (string token) =>
        {
            var found = files.Find(token);
            switch (found.Status)
            {
                case PublicFileStatus.Unknown: return Results.NotFound();
                case PublicFileStatus.Expired: return Results.StatusCode(StatusCodes.Status410Gone);
            }
            // Read whole, under the store's lock (LiteDB 5.0 races on concurrent use); the files are small.
            var content = new MemoryStream();
            store.Write(() => store.Files.Download(found.FileId!, content));
            content.Position = 0;
            var name = found.FileName ?? "tep";
            var isImage = PublicFiles.ContentTypeOf(name).StartsWith("image/", StringComparison.Ordinal);
            return Results.Stream(content, PublicFiles.ContentTypeOf(name), isImage ? null : name);
        });
        return app;
    }
}
