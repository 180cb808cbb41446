// The search page: queries the static index the build writes into search-index/ (see
// reportsite/search.py), offline, and links each result to the paragraph that matched.
// Everything is resolved relative to this file, so the site works under any sub-path
// (https://<user>.github.io/<repo>/).
//
// A query is split as the pages were: every Chinese character run gives its pairs of neighbouring
// characters (or the character itself when it stands alone), every Latin word or number one term.
// The pages holding every term are the candidates, best first; a candidate is shown once its text
// is seen to contain each part of the query (the pairs of 职工书屋 can also come from 职工…工书…书屋).
const root = new URL("../", import.meta.url);
const indexRoot = new URL("search-index/", root);
const form = document.querySelector("[data-search-form]");
const input = document.querySelector("[data-search-input]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const FORMAT = 1;
const BATCH = 20; // results shown at a time
const PARAGRAPHS_PER_REPORT = 3;
const EXCERPT_BEFORE = 30;
const EXCERPT_AFTER = 70;
const HASH_MULTIPLIER = 0x9e3779b1;
const WORD_TERM_BASE = 0x10000;
const WORD_TERM_SPAN = 0x30000000 - 0x10000;
const TOKEN = /[\u3400-\u9fff\uf900-\ufaff\u3007]+|[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g;

let opening = null;
const shards = new Map(); // file name -> Promise<DataView>
let current = 0; // the search in progress; an older one stops when a newer starts

// Full-width letters and digits as ASCII, ASCII letters in lower case: one character for one, so
// positions found in the folded text are positions in the original text.
function fold(text) {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function isCjk(code) {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

function queryTokens(query) {
  return [...new Set((fold(query).match(TOKEN) || []))];
}

function wordTerm(word) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return WORD_TERM_BASE + (hash % WORD_TERM_SPAN);
}

function tokenTerms(token) {
  if (!isCjk(token.charCodeAt(0))) return [wordTerm(token)];
  if (token.length === 1) return [token.charCodeAt(0)];
  const terms = [];
  for (let i = 0; i + 1 < token.length; i++) terms.push(((token.charCodeAt(i) << 16) | token.charCodeAt(i + 1)) >>> 0);
  return terms;
}

function shardOf(term, bits) {
  return bits === 0 ? 0 : (Math.imul(term, HASH_MULTIPLIER) >>> 0) >>> (32 - bits);
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  return response;
}

// index.json is asked for afresh (a cached one could name shards that are gone); shards never
// change under their names, so the browser may keep them.
function openIndex() {
  if (!opening) {
    opening = fetchOk(new URL("index.json", indexRoot), { cache: "no-cache" })
      .then((response) => response.json())
      .then((manifest) => {
        if (manifest.format !== FORMAT) throw new Error(`search index format ${manifest.format}, expected ${FORMAT}`);
        return manifest;
      })
      .catch((error) => {
        opening = null;
        throw error;
      });
  }
  return opening;
}

function loadShard(name) {
  if (!shards.has(name)) {
    const loading = fetchOk(new URL(name, indexRoot))
      .then((response) => response.arrayBuffer())
      .then((buffer) => new DataView(buffer));
    loading.catch(() => shards.delete(name));
    shards.set(name, loading);
  }
  return shards.get(name);
}

// The postings of one term: [page number, frequency] pairs in page order.
async function postings(manifest, term) {
  const name = manifest.shards[shardOf(term, manifest.bits)];
  if (!name) return [];
  const view = await loadShard(name);
  const count = view.getUint32(0, true);
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const found = view.getUint32(4 + 4 * mid, true);
    if (found === term) return decode(view, count, mid);
    if (found < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

function decode(view, count, at) {
  const base = 4 + 8 * count;
  const endOf = (i) => view.getUint32(4 + 4 * count + 4 * i, true);
  let position = base + (at > 0 ? endOf(at - 1) : 0);
  const end = base + endOf(at);
  const out = [];
  let page = 0;
  while (position < end) {
    let delta = 0;
    let shift = 0;
    let byte;
    do {
      byte = view.getUint8(position++);
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    page = out.length ? page + delta : delta;
    out.push([page, view.getUint8(position++)]);
  }
  return out;
}

// Pages holding every term, best first: frequent in the page and rare in the archive counts most.
function rank(lists, pages) {
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  let scores = new Map(ordered[0].map(([page]) => [page, 0]));
  for (const list of ordered) {
    const weight = Math.log(1 + pages / list.length);
    const next = new Map();
    for (const [page, tf] of list) {
      if (scores.has(page)) next.set(page, scores.get(page) + (1 + Math.log(tf)) * weight);
    }
    scores = next;
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([page]) => page);
}

function fragmentUrl(url) {
  const stem = (url.replace(/\/+$/, "") || "index").replace(/\.html$/, "");
  return new URL(`p/${stem}.json`, indexRoot);
}

function count(number) {
  return number.toLocaleString("zh-CN");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function occurrences(folded, token) {
  const found = [];
  for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + token.length)) found.push(at);
  return found;
}

// The text with every occurrence of the tokens in <mark>, escaped.
function highlight(text, tokens) {
  const folded = fold(text);
  const marks = new Array(text.length).fill(false);
  for (const token of tokens) {
    for (const at of occurrences(folded, token)) marks.fill(true, at, at + token.length);
  }
  let html = "";
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (marks[i] !== open) {
      html += marks[i] ? "<mark>" : "</mark>";
      open = marks[i];
    }
    html += escapeHtml(text[i]);
  }
  return html + (open ? "</mark>" : "");
}

// A window of the paragraph around the first token it contains.
function excerpt(text, tokens) {
  const folded = fold(text);
  const hits = tokens.map((t) => folded.indexOf(t)).filter((i) => i >= 0);
  const at = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, at - EXCERPT_BEFORE);
  const end = Math.min(text.length, at + EXCERPT_AFTER);
  return (start > 0 ? "……" : "") + highlight(text.slice(start, end), tokens) + (end < text.length ? "……" : "");
}

// The page's paragraphs that hold any token, most occurrences first; null when the page lacks a token.
function matchedParts(fragment, tokens) {
  const whole = fold([fragment.title, ...fragment.parts.map((p) => p[1])].join("\n"));
  if (!tokens.every((t) => whole.includes(t))) return null;
  return fragment.parts
    .map(([id, text], order) => ({ id, text, order, hits: tokens.reduce((n, t) => n + occurrences(fold(text), t).length, 0) }))
    .filter((part) => part.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order);
}

function pageHref(url, id) {
  const target = new URL(url, root);
  if (id) target.hash = id;
  return target.href;
}

function renderResult(fragment, parts, tokens) {
  const item = document.createElement("li");
  const title = fragment.title || fragment.url;
  let html = `<h2><a href="${escapeHtml(pageHref(fragment.url, parts.length ? parts[0].id : null))}">${highlight(title, tokens)}</a></h2>`;
  if (parts.length) {
    html += "<ul>";
    for (const part of parts.slice(0, PARAGRAPHS_PER_REPORT)) {
      html += `<li><a href="${escapeHtml(pageHref(fragment.url, part.id))}">${excerpt(part.text, tokens)}</a></li>`;
    }
    html += "</ul>";
  }
  item.innerHTML = html;
  return item;
}

async function runSearch(query) {
  const search = ++current;
  list.replaceChildren();
  document.querySelector("[data-search-more]")?.remove();
  const trimmed = query.trim();
  const tokens = queryTokens(trimmed);
  if (!tokens.length) {
    status.textContent = trimmed ? `“${trimmed}”中没有可以搜索的文字或数字。` : "请输入要搜索的词语。";
    return;
  }
  status.textContent = "正在搜索……";
  const manifest = await openIndex();
  const terms = [...new Set(tokens.flatMap(tokenTerms))];
  const lists = await Promise.all(terms.map((term) => postings(manifest, term)));
  if (search !== current) return;
  const candidates = lists.some((l) => !l.length) ? [] : rank(lists, manifest.pages.length);
  // One term (a word of one or two characters) is matched exactly by the index itself.
  const exact = terms.length === 1;
  let next = 0;
  let shown = 0;

  async function showMore() {
    const wanted = shown + BATCH;
    while (next < candidates.length && shown < wanted) {
      const batch = candidates.slice(next, next + BATCH);
      next += batch.length;
      const fragments = await Promise.all(
        batch.map((page) => fetchOk(fragmentUrl(manifest.pages[page])).then((r) => r.json())),
      );
      if (search !== current) return;
      for (const fragment of fragments) {
        const parts = matchedParts(fragment, tokens);
        if (parts === null) continue;
        list.append(renderResult(fragment, parts, tokens));
        shown += 1;
      }
    }
    report();
  }

  function report() {
    document.querySelector("[data-search-more]")?.remove();
    if (!shown) {
      status.textContent = `没有找到与“${trimmed}”相关的报道。可以换一个词，或按地区、年份浏览。`;
      return;
    }
    if (next >= candidates.length) {
      status.textContent = `找到 ${count(shown)} 篇与“${trimmed}”相关的报道。`;
      return;
    }
    const total = `${exact ? " " : "约 "}${count(candidates.length)} 篇`;
    status.textContent = `找到${total}与“${trimmed}”相关的报道，已列出最相关的 ${count(shown)} 篇。`;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.dataset.searchMore = "";
    more.textContent = "显示更多结果";
    more.addEventListener("click", () => {
      more.disabled = true;
      showMore().catch(showError);
    });
    list.after(more);
  }

  await showMore();
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
