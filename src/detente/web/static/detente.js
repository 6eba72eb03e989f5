// detente's pages work without this file; it adds highlighting in the reader and the upload form.
"use strict";

function rangeOfHash(hash) {
  const match = /^#(\d+)-(\d+)$/.exec(hash || "");
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

// ---------------------------------------------------------------- the reader

function focusMarks(text, indices, scroll) {
  text.querySelectorAll(".m.focus").forEach((el) => el.classList.remove("focus"));
  document.querySelectorAll(".marks li.current").forEach((el) => el.classList.remove("current"));
  let first = null;
  text.querySelectorAll(".m").forEach((el) => {
    const marks = el.dataset.marks.split(" ");
    if (indices.some((i) => marks.includes(i))) {
      el.classList.add("focus");
      first = first || el;
    }
  });
  indices.forEach((i) => {
    const item = document.getElementById("mark-" + i);
    if (item) item.classList.add("current");
  });
  if (first && scroll) first.scrollIntoView({ block: "center", behavior: "smooth" });
  return first;
}

function focusRange(text, range) {
  // any words of the document, also those no record of this page covers (a brief's footnote)
  text.querySelectorAll(".m.focus, .span-focus").forEach((el) => el.classList.remove("focus", "span-focus"));
  const anchor = document.getElementById(range.start + "-" + range.end);
  const marks = [];
  document.querySelectorAll("a.jump").forEach((a) => {
    if (Number(a.dataset.start) === range.start && Number(a.dataset.end) === range.end) {
      marks.push(...a.dataset.marks.trim().split(" "));
    }
  });
  const first = marks.length ? focusMarks(text, marks, false) : null;
  const target = first || anchor;
  if (target) target.scrollIntoView({ block: "center" });
}

function setUpReader() {
  const text = document.getElementById("doc-text");
  if (!text) return;
  document.querySelectorAll("input[data-layer]").forEach((box) => {
    const apply = () => text.classList.toggle("show-" + box.dataset.layer, box.checked);
    box.addEventListener("change", apply);
    apply();
  });
  document.querySelectorAll("a.jump").forEach((a) => {
    a.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", a.getAttribute("href"));
      focusMarks(text, a.dataset.marks.trim().split(" "), true);
    });
  });
  text.addEventListener("click", (event) => {
    const seg = event.target.closest(".m");
    if (!seg) return;
    const indices = seg.dataset.marks.split(" ");
    focusMarks(text, indices, false);
    const item = document.getElementById("mark-" + indices[0]);
    if (item) item.scrollIntoView({ block: "nearest" });
  });
  const range = rangeOfHash(location.hash);
  if (range) focusRange(text, range);
  window.addEventListener("hashchange", () => {
    const r = rangeOfHash(location.hash);
    if (r) focusRange(text, r);
  });
}

// ---------------------------------------------------------------- upload

const TYPES = {
  txt: "text/plain", text: "text/plain", html: "text/html", htm: "text/html",
  jsonl: "application/x-ndjson", ndjson: "application/x-ndjson",
  xml: "application/rss+xml", rss: "application/rss+xml", atom: "application/atom+xml",
};

function send(body, type, query, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents" + query);
    xhr.setRequestHeader("Content-Type", type);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => {
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (err) { answer = { error: xhr.statusText }; }
      resolve({ status: xhr.status, answer });
    });
    xhr.addEventListener("error", () => resolve({ status: 0, answer: { error: "the server could not be reached" } }));
    xhr.send(body);
  });
}

function resultItem(list, text, href, isError) {
  const li = document.createElement("li");
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    li.appendChild(a);
  } else {
    li.textContent = text;
  }
  if (isError) li.className = "error";
  list.appendChild(li);
}

function report(list, label, outcome) {
  const { status, answer } = outcome;
  if (status === 200 || status === 201) {
    const fresh = new Set(answer.new);
    const titles = {};
    answer.documents.forEach((d) => { titles[d.document.doc_id] = d.document.title; });
    answer.doc_ids.forEach((id) => {
      const what = fresh.has(id) ? "added" : "already stored";
      resultItem(list, label + ": " + (titles[id] || id) + " (" + what + ")", "/documents/" + id, false);
    });
    (answer.warnings || []).forEach((w) => resultItem(list, w, null, false));
  } else {
    resultItem(list, label + ": " + (answer.error || "failed with status " + status), null, true);
  }
}

function setUpUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const progress = document.getElementById("up-progress");
  const message = document.getElementById("up-message");
  const results = document.getElementById("up-results");
  const button = document.getElementById("up-submit");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const files = Array.from(form.querySelector("#up-files").files);
    const text = String(data.get("text") || "").trim();
    results.textContent = "";
    if (!text && !files.length) {
      message.textContent = "Paste an article or choose a file first.";
      return;
    }
    const params = new URLSearchParams();
    ["source", "published", "url"].forEach((k) => { if (data.get(k)) params.set(k, data.get(k)); });
    const query = params.toString() ? "?" + params.toString() : "";
    const jobs = [];
    if (text) {
      const article = { text };
      ["title", "source", "published", "url"].forEach((k) => { if (data.get(k)) article[k] = data.get(k); });
      jobs.push({ label: "pasted text", body: JSON.stringify(article), type: "application/json", query: "" });
    }
    files.forEach((f) => {
      const ext = f.name.split(".").pop().toLowerCase();
      jobs.push({ label: f.name, body: f, type: TYPES[ext] || "text/plain", query });
    });
    button.disabled = true;
    progress.hidden = false;
    for (const [n, job] of jobs.entries()) {
      message.textContent = "Uploading " + job.label + " (" + (n + 1) + " of " + jobs.length + ")…";
      progress.value = 0;
      const outcome = await send(job.body, job.type, job.query, (share) => {
        progress.value = Math.round(share * 100);
        if (share >= 1) message.textContent = "Extracting records from " + job.label + "…";
      });
      report(results, job.label, outcome);
    }
    progress.hidden = true;
    button.disabled = false;
    message.textContent = "Done.";
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpReader();
  setUpUpload();
});
