// The search page: queries the Pagefind index written into the site, offline, and links each
// result to the paragraph that matched.  Everything is resolved relative to this file, so the
// site works under any sub-path (https://<user>.github.io/<repo>/).
//
// The index comes in shards (see reportsite/search.py): pagefind/ is the first shard's bundle with
// Pagefind's script, and pagefind/shards.json lists the other shards' bundles, which are merged into
// it so that one query searches every shard.
const root = new URL("../", import.meta.url);
const bundle = new URL("pagefind/", root);
const form = document.querySelector("[data-search-form]");
const input = document.querySelector("[data-search-input]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const PARAGRAPHS_PER_REPORT = 3;
const EXCERPT_BEFORE = 30;
const EXCERPT_AFTER = 70;
const MAX_CANDIDATES = 200;

// Result URLs come back as indexed ("/reports/x/") and are joined to the site root here,
// rather than letting Pagefind guess the sub-path from where its script was loaded.
const INDEX_OPTIONS = { baseUrl: "/", excerptLength: 40 };

let loading = null;

async function openIndex() {
  const [pf, shards] = await Promise.all([
    import(new URL("pagefind.js", bundle).href),
    fetch(new URL("shards.json", bundle), { cache: "no-cache" }).then((response) => {
      if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
      return response.json();
    }),
  ]);
  await pf.destroy(); // after a failed attempt, start afresh rather than merge a shard twice
  await pf.options(INDEX_OPTIONS);
  await pf.init();
  await Promise.all(shards.bundles.map((path) => pf.mergeIndex(new URL(path, bundle).href, INDEX_OPTIONS)));
  return pf;
}

// Opened once, on the first search; a failure is retried on the next one.
function loadPagefind() {
  if (!loading) {
    loading = openIndex().catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function queryTerms(query) {
  return query.split(/[\s\u3000，,、；;]+/).filter((t) => t.length > 0);
}

// Wrap every occurrence of the query terms in <mark>, on already escaped text.
function highlight(text, terms) {
  let html = escapeHtml(text);
  for (const term of terms.map(escapeHtml).sort((a, b) => b.length - a.length)) {
    html = html.split(term).join(`\u0000${term}\u0001`);
  }
  return html.replaceAll("\u0000", "<mark>").replaceAll("\u0001", "</mark>");
}

// A window of the paragraph around the first term it contains.
function excerpt(text, terms) {
  const hits = terms.map((t) => text.indexOf(t)).filter((i) => i >= 0);
  const at = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, at - EXCERPT_BEFORE);
  const end = Math.min(text.length, at + EXCERPT_AFTER);
  return (start > 0 ? "……" : "") + highlight(text.slice(start, end), terms) + (end < text.length ? "……" : "");
}

// The anchored elements (paragraphs, headings, captions) that hold the matched words, most hits first.
function matchedAnchors(data) {
  const anchors = data.anchors.filter((a) => a.id).sort((a, b) => a.location - b.location);
  const counts = new Map();
  for (const location of data.locations) {
    let owner = null;
    for (const anchor of anchors) {
      if (anchor.location <= location) owner = anchor;
      else break;
    }
    if (owner) counts.set(owner, (counts.get(owner) || 0) + 1);
  }
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].location - y[0].location)
    .map(([anchor]) => anchor);
}

// Pagefind splits a query like 一公 into single characters and returns every page holding both;
// keep the pages whose text really contains each term, those with the most occurrences first.
function literalMatches(candidates, terms) {
  const counted = candidates.map((data, rank) => {
    const text = data.content || "";
    const counts = terms.map((t) => text.split(t).length - 1);
    return { data, rank, found: counts.every((c) => c > 0), total: counts.reduce((a, b) => a + b, 0) };
  });
  return counted
    .filter((c) => c.found)
    .sort((a, b) => b.total - a.total || a.rank - b.rank)
    .map((c) => c.data);
}

function pageHref(url, id) {
  const target = new URL(url.replace(/^\//, ""), root);
  if (id) target.hash = id;
  return target.href;
}

function renderResult(data, terms) {
  const item = document.createElement("li");
  const title = data.meta && data.meta.title ? data.meta.title : data.url;
  const anchors = matchedAnchors(data).filter((a) => a.text && a.id !== "title");
  const first = anchors.length ? anchors[0].id : null;
  let html = `<h2><a href="${escapeHtml(pageHref(data.url, first))}">${escapeHtml(title)}</a></h2>`;
  if (anchors.length) {
    html += "<ul>";
    for (const anchor of anchors.slice(0, PARAGRAPHS_PER_REPORT)) {
      html += `<li><a href="${escapeHtml(pageHref(data.url, anchor.id))}">${excerpt(anchor.text, terms)}</a></li>`;
    }
    html += "</ul>";
  }
  item.innerHTML = html;
  return item;
}

async function runSearch(query) {
  list.replaceChildren();
  const trimmed = query.trim();
  if (!trimmed) {
    status.textContent = "请输入要搜索的词语。";
    return;
  }
  status.textContent = "正在搜索……";
  const pf = await loadPagefind();
  const search = await pf.search(trimmed);
  const candidates = await Promise.all(search.results.slice(0, MAX_CANDIDATES).map((r) => r.data()));
  const terms = queryTerms(trimmed);
  const results = literalMatches(candidates, terms);
  for (const data of results) list.append(renderResult(data, terms));
  status.textContent = results.length
    ? `找到 ${results.length} 篇与“${trimmed}”相关的报道。`
    : `没有找到与“${trimmed}”相关的报道。可以换一个词，或按地区、年份浏览。`;
}

function queryFromLocation() {
  return new URLSearchParams(window.location.search).get("q") || "";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("q", input.value);
  window.history.replaceState(null, "", url);
  runSearch(input.value).catch(showError);
});

function showError(error) {
  status.textContent = "搜索索引无法加载，请稍后重试。";
  console.warn(error);
}

input.value = queryFromLocation();
if (input.value) runSearch(input.value).catch(showError);
