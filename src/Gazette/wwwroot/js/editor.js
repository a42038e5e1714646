// The story editor's Markdown toolbar and read-also picker. The form works without this file; it only saves typing.

// A search box that looks stories up by headline as one types and hands the chosen one to choose(story).
function storyPicker(placeholder, label, choose) {
  "use strict";
  const picker = document.createElement("span");
  picker.className = "read-also-picker";
  const search = document.createElement("input");
  search.type = "search";
  search.placeholder = placeholder;
  search.setAttribute("aria-label", label);
  const results = document.createElement("ul");
  results.className = "read-also-results";
  picker.append(search, results);
  let pending;
  search.addEventListener("input", () => {
    clearTimeout(pending);
    const q = search.value.trim();
    if (q.length < 2) { results.replaceChildren(); return; }
    pending = setTimeout(async () => {
      const response = await fetch(`/admin/api/stories?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const stories = await response.json();
      results.replaceChildren(...stories.map((story) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = `${story.headline} (${story.language}, ${story.status})`;
        button.addEventListener("click", () => {
          choose(story);
          results.replaceChildren();
          search.value = "";
        });
        item.append(button);
        return item;
      }));
    }, 250);
  });
  return picker;
}

(() => {
  "use strict";
  const body = document.querySelector("textarea[data-markdown-editor]");
  if (!body || body.disabled || body.closest("fieldset[disabled]")) return;

  const selection = () => ({ start: body.selectionStart, end: body.selectionEnd, text: body.value.slice(body.selectionStart, body.selectionEnd) });

  const replace = (start, end, text, selectFrom, selectTo) => {
    body.focus();
    body.setRangeText(text, start, end, "end");
    if (selectFrom !== undefined) body.setSelectionRange(start + selectFrom, start + selectTo);
    body.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const wrap = (before, after, placeholder) => {
    const { start, end, text } = selection();
    const inner = text || placeholder;
    replace(start, end, before + inner + after, before.length, before.length + inner.length);
  };

  // Prefixes every selected line (or the current one) with a Markdown marker.
  const prefixLines = (marker) => {
    const lineStart = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    const { end } = selection();
    const lines = body.value.slice(lineStart, end).split("\n");
    const text = lines.map((line, i) => (typeof marker === "function" ? marker(i) : marker) + line).join("\n");
    replace(lineStart, end, text);
  };

  // Inserts a block on lines of its own, with a blank line around it.
  const insertBlock = (block) => {
    const { start, end } = selection();
    const before = body.value.slice(0, start);
    const lead = before.length === 0 || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    replace(start, end, lead + block + "\n\n");
  };

  const actions = {
    bold: () => wrap("**", "**", "bold text"),
    italic: () => wrap("_", "_", "italic text"),
    link: () => {
      const url = window.prompt("Link address (https://…)", "https://");
      if (url) wrap("[", `](${url})`, "link text");
    },
    heading: () => prefixLines("## "),
    quote: () => prefixLines("> "),
    list: () => prefixLines("- "),
    figure: () => insertBlock("::: figure\n![Describe the image for those who cannot see it](/media/…)\nCaption\nCredit: \n:::"),
  };

  const toolbar = document.createElement("div");
  toolbar.className = "md-toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Formatting");
  const labels = { bold: "Bold", italic: "Italic", link: "Link", heading: "Heading", quote: "Quote", list: "List", figure: "Figure" };
  for (const [name, label] of Object.entries(labels)) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", actions[name]);
    toolbar.append(button);
  }

  // Read also: search stories by headline and insert a [[read-also: id]] line.
  toolbar.append(storyPicker("Read also: search headlines…", "Read also: search stories by headline", (story) => {
    insertBlock(`[[read-also: ${story.id}]]`);
  }));

  body.before(toolbar);
})();

// "Read also" pins and exclusions: the same headline lookup, adding "id · headline" lines to the chosen list.
(() => {
  "use strict";
  for (const list of document.querySelectorAll("textarea[data-related-picker]")) {
    if (list.disabled || list.closest("fieldset[disabled]")) continue;
    const label = `${list.dataset.relatedPicker === "pin" ? "Pin" : "Exclude"}: search stories by headline`;
    list.after(storyPicker("Find a story by headline…", label, (story) => {
      const line = `${story.id} · ${story.headline}`;
      list.value = list.value.trim() ? `${list.value.trimEnd()}\n${line}` : line;
    }));
  }
})();

// Suggested tags: asks the page for suggestions without leaving it, and adds a clicked one to the tags field.
(() => {
  "use strict";
  const ask = document.querySelector("button[data-suggest-tags]");
  const box = document.querySelector("[data-tag-suggestions]");
  const tags = document.querySelector("input[name='Form.Tags']");
  if (!ask || !box || !tags || tags.disabled) return;
  const current = () => tags.value.split(",").map((t) => t.trim()).filter((t) => t);
  const add = (name) => {
    if (current().some((t) => t.toLowerCase() === name.toLowerCase())) return;
    tags.value = [...current(), name].join(", ");
  };
  box.addEventListener("click", (event) => {
    const button = event.target.closest("button[name='addTag']");
    if (!button) return;
    event.preventDefault();
    add(button.value);
    button.closest("li")?.remove();
  });
  ask.addEventListener("click", async (event) => {
    event.preventDefault();
    const response = await fetch(ask.formAction, {
      method: "POST", body: new FormData(ask.form), headers: { Accept: "application/json" }, credentials: "same-origin",
    });
    if (!response.ok) return;
    const suggestions = await response.json();
    const list = document.createElement("ul");
    for (const suggestion of suggestions) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.name = "addTag";
      button.value = suggestion.name;
      button.className = suggestion.existing ? "tag-existing" : "tag-new";
      button.textContent = suggestion.name;
      item.append(button);
      list.append(item);
    }
    const intro = document.createElement("p");
    intro.textContent = suggestions.length ? "Suggested tags (existing tags first; click to add):" : "No suggestion: the text is too short.";
    box.replaceChildren(intro, ...(suggestions.length ? [list] : []));
  });
})();
