// The editor's writing aids (/admin/), under its Insert menu: a picture with its caption
// and credit, a YouTube video, a link to a page of this site. Each writes the Markdown a
// hand-written page uses (AUTHORING.md), and reads it back from a page written by hand.
// What they allow comes from the build (window.hfdEditor, written by hooks/hfd/editor.py
// into rules.js): the pages a link may lead to, and the video addresses it accepts.
(function () {
  "use strict";
  const rules = window.hfdEditor;
  // What a field's value may hold where it stands in the Markdown:
  const HOLDS = {
    words: String.raw`(?:[^\]\\\n]|\\.)*`,  // between [ and ]: "]" and "\" are escaped
    line: String.raw`[^\n]*`,
    lines: String.raw`(?!///)[^\n]*(?:\n(?!///)[^\n]*)*?`,  // paragraphs, inside a /// block
    address: String.raw`[^)\s]*`,
  };
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const escapeWords = (text) => text.replace(/[\\[\]]/g, (c) => "\\" + c);
  const unescapeWords = (text) => text.replace(/\\([\\[\]])/g, "$1");

  const PICTURE = {
    id: "hfd-figure", label: "Picture with caption", icon: "add_photo_alternate",
    markdown: "![{alt}]({src})\n\n/// caption\n{caption}\n\nCredit: {credit}\n///",
    fields: [
      { name: "src", label: "Picture", widget: "image", holds: "address",
        hint: "A photo or drawing from your phone or computer." },
      { name: "alt", label: "What the picture shows", widget: "string", holds: "words",
        hint: "For readers who cannot see it: say what it shows." },
      { name: "caption", label: "Caption", widget: "text", holds: "lines", hint: "Shown under the picture." },
      { name: "credit", label: "Credit", widget: "string", holds: "line",
        hint: "Who made the picture, and its licence (shown after “Credit:”)." },
    ],
  };
  const VIDEO = {
    id: "hfd-video", label: "YouTube video", icon: "smart_display",
    markdown: "[{title}]({url}){ .youtube }",
    fields: [
      { name: "title", label: "Title of the video", widget: "string", holds: "words", hint: "Shown on its play button." },
      { name: "url", label: "YouTube address", widget: "string", holds: "address", allowed: rules.video.address,
        hint: "Its address on YouTube, e.g. " + rules.video.example },
    ],
  };
  // A link's address is relative to the file it is in, as in a hand-written page: each
  // collection (articles, site pages) has its own list of the pages it may link to.
  const pageLink = ([collection, pages]) => ({
    id: "hfd-page-link-" + collection, label: "Link to a page of this site", icon: "link",
    markdown: "[{text}]({page})",
    fields: [
      { name: "page", label: "Page", widget: "select", options: pages,
        holds: "(?:" + pages.map((page) => escapeRegExp(page.value)).join("|") + ")?",
        hint: "The page of this site the link leads to." },
      { name: "text", label: "Words of the link", widget: "string", holds: "words",
        hint: "What readers click, e.g. “book a consultation”." },
    ],
  });
  const COMPONENTS = [PICTURE, VIDEO, ...Object.entries(rules.pages).map(pageLink)];

  // The component's Markdown as a pattern, each field a named group: a block whose fields
  // are empty is still read back, so nothing is lost (the build names what is missing).
  const patternOf = (component) => {
    const source = component.markdown.split(/(\{\w+\})/).map((part) => {
      const field = component.fields.find((item) => "{" + item.name + "}" === part);
      return field ? `(?<${field.name}>${HOLDS[field.holds] ?? field.holds})` : escapeRegExp(part);
    }).join("");
    return new RegExp("^" + source + "$", "m");
  };

  for (const component of COMPONENTS) {
    const words = component.fields.filter((field) => field.holds === "words").map((field) => field.name);
    CMS.registerEditorComponent({
      id: component.id, label: component.label, icon: component.icon,
      fields: component.fields.map(({ holds, allowed, ...field }) =>
        ({ ...field, required: true, ...(allowed && { pattern: [allowed, field.hint] }) })),
      pattern: patternOf(component),
      fromBlock: (match) => Object.fromEntries(component.fields.map(({ name }) =>
        [name, words.includes(name) ? unescapeWords(match.groups[name]) : match.groups[name]])),
      toBlock: (values) => component.markdown.replace(/\{(\w+)\}/g, (_, name) => {
        const value = String(values[name] ?? "").trim();
        return words.includes(name) ? escapeWords(value) : value;
      }),
      toPreview: (values) => component.markdown.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? "")),
    });
  }
})();
