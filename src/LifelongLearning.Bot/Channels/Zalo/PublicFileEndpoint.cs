using LifelongLearning.Bot.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// GET /files/{token}: the file behind a live link; 404 for a token never issued, 410 for one expired. Zalo takes a
/// picture or a document only as a URL, so its webhook server serves the links it is given.
/// </summary>
public static class PublicFileEndpoint
{
    public static IEndpointRouteBuilder MapPublicFiles(this IEndpointRouteBuilder app, PublicFiles files)
    {
        app.MapGet(PublicFiles.PathPrefix + "{token}", (string token) =>
        {
            var found = files.Find(token);
            switch (found.Status)
            {
                case PublicFileStatus.Unknown: return Results.NotFound();
                case PublicFileStatus.Expired: return Results.StatusCode(StatusCodes.Status410Gone);
            }
            var content = files.Read(found.FileId!);
            var name = found.FileName ?? "tep";
            var isImage = PublicFiles.ContentTypeOf(name).StartsWith("image/", StringComparison.Ordinal);
            return Results.Stream(content, PublicFiles.ContentTypeOf(name), isImage ? null : name);
        });
        return app;
    }
}
