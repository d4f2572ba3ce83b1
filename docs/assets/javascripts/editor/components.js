// The editor's writing aids (/admin/), under the Insert menu of its rich-text view: a
// picture with its caption and credit, a YouTube video, a link to a page of this site.
// Each is defined by the build (hooks/hfd/writing_aids.py, read here from rules.js): one
// Markdown template, which a block is written from and read back with, and its preview
// as the built page shows it. Saving is refused while a block has an empty field or a
// value the build would refuse.
(function () {
  "use strict";
  // What a field's value may hold where it stands in the template:
  const HOLDS = {
    words: String.raw`(?:[^\]\\\n]|\\.)*`,  // between [ and ]: "]" and "\" are escaped
    line: String.raw`[^\n]*`,
    lines: String.raw`(?!///)[^\n]*(?:\n(?!///)[^\n]*)*?`,  // paragraphs, inside a /// block
    address: String.raw`[^)\s]*`,
  };
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const escapeWords = (text) => text.replace(/[\\[\]]/g, (c) => "\\" + c);
  const unescapeWords = (text) => text.replace(/\\([\\[\]])/g, "$1");
  const escapeHTML = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const fill = (template, value) => template.replace(/\{(\w+)\}/g, (_, name) => value(name));

  // The template as a pattern, each field a named group. A block whose fields are empty
  // is still read back, so nothing is lost; saving it is refused (below).
  const patternOf = (aid) => new RegExp("^" + aid.markdown.split(/(\{\w+\})/).map((part) => {
    const field = aid.fields.find((item) => `{${item.name}}` === part);
    if (!field) return escapeRegExp(part);
    const choices = (aid.options?.[field.name] ?? []).map((option) => escapeRegExp(option.value));
    return `(?<${field.name}>${field.holds === "choice" ? `(?:${choices.join("|")})?` : HOLDS[field.holds]})`;
  }).join("") + "$", "m");

  for (const aid of window.hfdEditor.aids) {
    const isWords = (name) => aid.fields.some((field) => field.name === name && field.holds === "words");
    CMS.registerEditorComponent({
      id: aid.id, label: aid.label, icon: aid.icon,
      fields: aid.fields.map(({ name, label, widget, hint }) => ({
        name, label, widget, hint, required: true, ...(aid.options?.[name] && { options: aid.options[name] }),
        ...(widget === "image" && { choose_url: false }),  // a file of this site: the build refuses others
      })),
      pattern: patternOf(aid),
      fromBlock: (match) => Object.fromEntries(aid.fields.map(({ name }) =>
        [name, isWords(name) ? unescapeWords(match.groups[name]) : match.groups[name]])),
      toBlock: (values) => fill(aid.markdown, (name) => {
        const value = String(values[name] ?? "").trim();
        return isWords(name) ? escapeWords(value) : value;
      }),
      toPreview: (values) => {
        const all = { ...values };
        for (const [name, { from, pattern }] of Object.entries(aid.derived ?? {})) {
          all[name] = new RegExp(pattern).exec(String(values[from] ?? "").trim())?.[1] ?? "";
        }
        return aid.preview.replace(/hfdfield(\w+)/g, (_, name) => escapeHTML(String(all[name] ?? "")));
      },
    });
  }

  // What is wrong with the blocks of a text, in the author's words.
  const problemsIn = (text) => window.hfdEditor.aids.flatMap((aid) => {
    const blocks = [...text.matchAll(new RegExp(patternOf(aid).source, "gm"))];
    return (blocks.length > (aid.most ?? Infinity) ? [`“${aid.label}” is there ${blocks.length} times; keep one.`] : [])
      .concat(blocks.flatMap((match) => aid.fields.flatMap((field) => {
        const value = match.groups[field.name].trim();
        const allowed = aid.allowed?.[field.name];
        if (!value) return [`${aid.label}: “${field.label}” is empty.`];
        if (allowed && !new RegExp(allowed).test(value)) return [`${aid.label}: “${value}” is not one the site accepts. ${field.hint}`];
        return [];
      })));
  });
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      const problems = [...new Set(problemsIn(String(entry.getIn(["data", "body"]) ?? "")))];
      if (problems.length) {  // the editor shows the cause of a "saving_failed" error
        throw new Error("saving_failed", { cause: new Error(problems.join(" ")) });
      }
    },
  });
})();
