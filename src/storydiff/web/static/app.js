// storydiff pages: upload through POST /api/articles and passage hover highlighting.
// No inline script anywhere (the CSP forbids it); every text goes in through textContent.
"use strict";

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function showUploadResult(box, status, data) {
  box.replaceChildren();
  if (status >= 400) {
    const detail = data && data.detail !== undefined ? data.detail : data;
    box.append(el("p", "Upload failed (" + status + "): " + (typeof detail === "string" ? detail : JSON.stringify(detail)), { class: "error" }));
    return;
  }
  box.append(el("p", "read " + data.read + ", new " + data.new + ", unchanged " + data.unchanged +
    ", duplicate " + data.duplicate + ", failed " + data.failed, { class: "summary" }));
  const list = el("ul", null, { class: "uploaded" });
  for (const id of data.ids || []) {
    const item = el("li");
    item.append(el("a", id, { href: "/articles/" + encodeURIComponent(id), class: "article-link" }));
    const story = data.stories ? data.stories[id] : null;
    if (story) {
      item.append(document.createTextNode(" in story "));
      item.append(el("a", story, { href: "/stories/" + encodeURIComponent(story), class: "story-link" }));
    }
    const dups = data.duplicates ? data.duplicates[id] : null;
    if (dups && dups.length) item.append(document.createTextNode(" · duplicates: " + dups.join(", ")));
    list.append(item);
  }
  box.append(list);
  for (const e of data.errors || []) box.append(el("p", e, { class: "error" }));
}

function setupUpload() {
  const form = document.getElementById("upload");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("upload-result");
    const body = new FormData(form);
    const headers = {};
    const token = body.get("token");
    body.delete("token");
    if (token) headers["Authorization"] = "Bearer " + token;
    box.replaceChildren(el("p", "uploading…"));
    try {
      const response = await fetch(form.action, { method: "POST", body: body, headers: headers, credentials: "same-origin" });
      let data = null;
      try { data = await response.json(); } catch (_) { data = { detail: response.statusText }; }
      showUploadResult(box, response.status, data);
    } catch (err) {
      box.replaceChildren(el("p", "Upload failed: " + err, { class: "error" }));
    }
  });
}

function setupPassages() {
  document.querySelectorAll("mark[data-passage]").forEach((mark) => {
    const sel = 'mark[data-passage="' + mark.dataset.passage + '"]';
    mark.addEventListener("mouseenter", () => document.querySelectorAll(sel).forEach((m) => m.classList.add("hover")));
    mark.addEventListener("mouseleave", () => document.querySelectorAll(sel).forEach((m) => m.classList.remove("hover")));
  });
}

document.addEventListener("DOMContentLoaded", () => { setupUpload(); setupPassages(); });
