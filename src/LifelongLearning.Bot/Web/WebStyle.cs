namespace LifelongLearning.Bot.Web;

/// <summary>
/// The one stylesheet, served as /web/style.css (the Content-Security-Policy allows no inline style): system
/// fonts, one column under 600 px, and a print layout for A4 without the menu.
/// </summary>
public static class WebStyle
{
    public const string Css = """
        :root { --ink: #1d2733; --muted: #5b6673; --line: #d5dbe1; --accent: #0b5cad; --ok: #1e7a3c; --warn: #a15c00; --bad: #b3261e; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f6f8fa; line-height: 1.45; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
        .brand { font-weight: bold; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem; flex: 1; }
        nav a { padding: .3rem .6rem; border-radius: .3rem; color: var(--accent); text-decoration: none; }
        nav a.on { background: var(--accent); color: #fff; }
        form.out { display: flex; align-items: center; gap: .5rem; margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.45rem; margin: .3rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        section, .card { background: #fff; border: 1px solid var(--line); border-radius: .4rem; padding: .8rem 1rem; margin-bottom: 1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; }
        td.n { text-align: right; white-space: nowrap; }
        td > span.muted { white-space: nowrap; }
        .ok { color: var(--ok); } .late { color: var(--warn); } .bad { color: var(--bad); } .muted { color: var(--muted); }
        p.note { color: var(--muted); } p.error { color: var(--bad); font-weight: bold; } p.done { color: var(--ok); font-weight: bold; }
        button, .button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3rem; cursor: pointer; text-decoration: none; display: inline-block; }
        button.quiet { background: #fff; color: var(--accent); }
        input, select { font: inherit; padding: .3rem; border: 1px solid var(--line); border-radius: .3rem; max-width: 100%; }
        form.inline { display: inline-flex; flex-wrap: wrap; gap: .3rem; align-items: center; margin: 0; }
        .chart svg { width: 100%; height: auto; max-width: 720px; display: block; }
        .cards { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8mm; }
        .invite { border: 1px dashed var(--ink); padding: 6mm; break-inside: avoid; page-break-inside: avoid; background: #fff; }
        .invite h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
        .invite .qrs { display: flex; gap: 4mm; flex-wrap: wrap; }
        .invite .qr { margin: 0; text-align: center; }
        .invite .qr svg { width: 34mm; height: 34mm; display: block; }
        .invite .qr figcaption { font-size: .85rem; font-weight: bold; }
        .invite .code { font-size: 1.4rem; font-weight: bold; letter-spacing: .12em; }
        .verdict { font-weight: bold; }
        pre.digest { white-space: pre-wrap; font-family: inherit; margin: 0; }
        .scroll { overflow-x: auto; }
        @media (max-width: 600px) {
          main { padding: .5rem; }
          header.top { flex-direction: column; align-items: stretch; }
          .cards { grid-template-columns: 1fr; }
          table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
          table.stack thead { display: none; }
          table.stack tr { border: 1px solid var(--line); margin-bottom: .5rem; }
          table.stack td { border: none; border-bottom: 1px solid #eef2f6; }
          table.stack td[data-h]::before { content: attr(data-h) ": "; font-weight: bold; }
          table.stack td.n { text-align: left; white-space: normal; }
        }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          header.top, form, button, .noprint { display: none !important; }
          main { max-width: none; padding: 0; }
          section, .card { border: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          table { page-break-inside: auto; } tr { page-break-inside: avoid; }
          .chart svg { max-width: 170mm; }
        }
        """;

    /// <summary>Submits the sign-in form at once in a browser; a link-preview robot runs no script, so it cannot use the link up.</summary>
    public const string SignInScript = "document.addEventListener('DOMContentLoaded',function(){var f=document.getElementById('vao');if(f)f.submit();});";
}
