// The editor's preview (/admin/) in the site's own look: its stylesheets and colours, an
// article's title, byline, text and sources, then the booking call-to-action and the
// footer with the disclaimer. Those last two, the stylesheets and the page's colour
// attributes are the built site's own (window.hfdEditor.preview, from hooks/hfd/editor.py);
// the byline and sources are drawn as partials/byline.html and article-end.html draw
// them (test_editor.py compares them with a built article).
(function () {
  "use strict";
  const site = window.hfdEditor.preview;
  site.stylesheets.forEach((stylesheet) => CMS.registerPreviewStyle(stylesheet));

  const day = (value) => value && h("time", { dateTime: String(value).slice(0, 10) },
    new Date(String(value).slice(0, 10) + "T00:00:00Z").toLocaleDateString(site.language,
      { dateStyle: "long", timeZone: "UTC" }));
  const byline = (data) => {
    const reviewer = data.medical_reviewer;
    return h("div", { className: "hfd-byline" },
      (data.authors || []).map((id) => h("p", { className: "hfd-byline__author", key: id },
        "By ", h("a", { href: site.about_page }, (site.authors[id] || { name: id }).name), " · ",
        h("span", { className: "hfd-byline__role" }, (site.authors[id] || {}).role))),
      h("p", { className: "hfd-byline__dates" },
        "Published ", day(data.date && data.date.created),
        data.date && data.date.updated ? [" · Updated ", day(data.date.updated)] : null,
        " · Last reviewed ", day(data.last_reviewed),
        data.next_review ? [" · Next review due ", day(data.next_review)] : null),
      h("p", { className: "hfd-byline__review" + (reviewer ? " hfd-byline__review--reviewed" : "") },
        reviewer ? `Medically reviewed by ${reviewer.name}, ${reviewer.credentials}.` : "Not medically reviewed.",
        " ", h("a", { href: site.editorial_page }, "How articles are written and reviewed")));
  };

  // What the article rests on, as partials/article-end.html lists it.
  const sources = (data) => h("section", { className: "hfd-sources" }, h("h2", null, "Sources"),
    (data.sources || []).length
      ? h("ol", null, data.sources.map((source, index) => h("li", { key: index },
        source.url ? h("a", { href: source.url }, source.title) : source.title,
        source.citation ? `. ${source.citation}` : null)))
      : h("p", null, site.no_sources_note));

  // A page as the site lays it out. The text's own first heading is its title: shown by
  // the template (hidden in the text), with the byline under it, as on the site.
  const page = (isArticle) => ({ entry, widgetFor }) => {
    const data = entry.get("data").toJS();
    const first = String(data.body || "").trimStart().split("\n", 1)[0];
    const heading = first.startsWith("# ") ? first.slice(2).trim() : null;
    return h("div", { ...site.colours, className: "hfd-preview" },
      h("style", null, ".hfd-preview__text h1:first-child { display: none; }"),
      h("div", { className: "md-container" },
        h("main", { className: "md-main" },
          h("div", { className: "md-main__inner md-grid" },
            h("div", { className: "md-content" },
              h("article", { className: "md-content__inner md-typeset" },
                h("h1", null, heading || data.title),
                isArticle ? byline(data) : null,
                h("div", { className: heading ? "hfd-preview__text" : "" }, widgetFor("body")),
                isArticle ? sources(data) : null)))),
        h("div", { dangerouslySetInnerHTML: { __html: site.after } })));
  };
  CMS.registerPreviewTemplate("articles", page(true));
  for (const name of site.pages) {
    CMS.registerPreviewTemplate(name, page(false));
  }
})();
