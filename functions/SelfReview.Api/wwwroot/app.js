// The workspace page: plain JavaScript over the HTTP API under /api (the same on `selfreview serve`
// and on the Functions app, where the page is /api/web/ and the function key comes as ?code=).
"use strict";

const API = "/api";
const KEY = new URLSearchParams(location.search).get("code");
const POLL_MS = 2000;
const MAX_BYTES = 20 * 1024 * 1024;

const STATUS = {
  pending: "处理中",
  accepted: "已通过",
  rejected: "未通过",
  failed: "处理失败",
};
const SECTION = {
  problems: "查摆问题",
  causes: "原因剖析",
  measures: "整改措施",
  priorRectification: "上次整改落实情况",
  caseAnalysis: "案例剖析",
  personalMatters: "个人有关事项",
  preamble: "前言",
  closing: "结束语",
  other: "其他",
};
const KIND = { personal: "个人材料", team: "班子材料" };
const DEADLINE_KIND = { date: "限期", immediate: "立行立改", ongoing: "长期坚持", recurring: "定期" };
const CATEGORY = {
  theory: "理论学习", political: "政治素质", capability: "能力本领", responsibility: "担当作为",
  style: "工作作风", integrity: "廉洁自律", mass_line: "宗旨意识", party_building: "党建工作", other: "其他",
};

const state = { unit: null, view: "statements", statementId: null, timer: null, uploading: 0, lastList: "" };
const $ = (id) => document.getElementById(id);

/** A DOM element with attributes and children (strings become text, never HTML). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces an element's children, skipping the empty ones (replaceChildren would print "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

function url(path, params) {
  const u = new URL(API + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) u.searchParams.set(k, v);
  if (KEY) u.searchParams.set("code", KEY);
  return u.pathname + u.search;
}

function withKey(location) {
  if (!KEY) return location;
  return location + (location.includes("?") ? "&" : "?") + "code=" + encodeURIComponent(KEY);
}

async function getJson(path, params) {
  const response = await fetch(typeof path === "string" && path.startsWith(API) ? withKey(path) : url(path, params), { headers: { Accept: "application/json" } });
  if (response.status === 404) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(body?.detail || `请求失败（HTTP ${response.status}）`), { status: response.status });
  return { status: response.status, body };
}

function toast(text) {
  const t = $("toast");
  t.textContent = text;
  t.classList.add("show");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove("show"), 4000);
}

function badge(status) {
  return h("span", { class: "badge " + status }, STATUS[status] || status);
}

// ---- units ----

async function loadUnits() {
  try {
    const result = await getJson("/units");
    const units = result?.body.units || [];
    // A unit just typed in shows in the list before its first upload; one the API refused (403) does not.
    if (state.unit && state.unit !== state.denied && !units.includes(state.unit)) units.push(state.unit);
    const list = $("unit-list");
    list.replaceChildren(...units.sort().map((u) => h("li", {}, h("button", {
      type: "button", "aria-current": u === state.unit ? "true" : null,
      onclick: () => go(u, "statements"),
    }, u))));
    $("units-empty").hidden = units.length > 0;
  } catch (e) {
    toast(e.message);
  }
}

$("open-unit").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("unit-input");
  const error = $("unit-error");
  const value = input.value.trim();
  if (!input.checkValidity() || value.includes("..") || value.length === 0) {
    error.textContent = "单位标识只能包含英文字母、数字、“-”“_”“.”，并以字母或数字开头";
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  error.hidden = true;
  input.removeAttribute("aria-invalid");
  input.value = "";
  go(value, "statements");
});

// ---- navigation: #/units/{unit}/{view}[/{statementId}] ----

function go(unit, view, statementId) {
  location.hash = "#/units/" + encodeURIComponent(unit) + "/" + view + (statementId ? "/" + statementId : "");
}

function route() {
  const m = location.hash.match(/^#\/units\/([^/]+)\/(statements|summary|rectifications|roster|rollup|statement)(?:\/([0-9a-f]{64}))?$/);
  clearTimeout(state.timer);
  if (!m) {
    state.unit = null;
    $("welcome").hidden = false;
    $("unit-view").hidden = true;
    loadUnits();
    return;
  }
  const changed = state.unit !== decodeURIComponent(m[1]);
  state.unit = decodeURIComponent(m[1]);
  state.view = m[2];
  state.statementId = m[3] || null;
  $("welcome").hidden = true;
  $("unit-view").hidden = false;
  $("unit-title").textContent = "单位：" + state.unit;
  document.title = state.unit + " · 检视材料工作台";
  if (changed) {
    $("uploads").replaceChildren();
    state.lastList = "";
    loadUnits();
  }
  const tabView = state.view === "statement" ? "statements" : state.view;
  for (const tab of document.querySelectorAll(".tabs [role=tab]")) {
    const selected = tab.dataset.view === tabView;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  $("view-statements").hidden = state.view !== "statements";
  $("view-statement").hidden = state.view !== "statement";
  $("view-summary").hidden = state.view !== "summary";
  $("view-rectifications").hidden = state.view !== "rectifications";
  $("view-roster").hidden = state.view !== "roster";
  $("view-rollup").hidden = state.view !== "rollup";
  for (const b of document.querySelectorAll("#unit-list button")) b.setAttribute("aria-current", String(b.textContent === state.unit));
  if (state.view === "statements") refreshStatements();
  else if (state.view === "statement") showStatement(state.statementId);
  else if (state.view === "summary") showSummary();
  else if (state.view === "roster") window.showRoster();
  else if (state.view === "rollup") window.showRollup();
  else showRectifications();
}

for (const tab of document.querySelectorAll(".tabs [role=tab]")) {
  tab.addEventListener("click", () => go(state.unit, tab.dataset.view));
  tab.addEventListener("keydown", (event) => {
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const tabs = [...document.querySelectorAll(".tabs [role=tab]")];
    const next = tabs[(tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    next.click();
  });
}
$("back").addEventListener("click", () => go(state.unit, "statements"));
window.addEventListener("hashchange", route);

// ---- statements: list, status polling ----

async function refreshStatements() {
  clearTimeout(state.timer);
  if (state.view !== "statements" || !state.unit) return;
  const unit = state.unit;
  try {
    const result = await getJson(`/units/${encodeURIComponent(unit)}/statements`);
    if (unit !== state.unit) return;
    renderStatements(result?.body);
    const pending = result?.body.pending || 0;
    if (pending > 0 || state.uploading > 0) state.timer = setTimeout(refreshStatements, POLL_MS);
    else state.timer = setTimeout(refreshStatements, POLL_MS * 5);
  } catch (e) {
    if (e.status === 403 && state.denied !== unit) {
      state.denied = unit;
      loadUnits();
    }
    toast(e.message);
    // A refusal is not retried (each attempt is a denied line in the unit's audit trail).
    if (e.status !== 403) state.timer = setTimeout(refreshStatements, POLL_MS * 3);
  }
}

function renderStatements(list) {
  const key = JSON.stringify(list);
  if (key === state.lastList) return; // nothing changed: keep focus and scroll where they are
  state.lastList = key;
  const items = list?.statements || [];
  $("statements-empty").hidden = items.length > 0;
  $("statements").hidden = items.length === 0;
  $("counts").replaceChildren(...[
    h("span", { class: "badge cat" }, `共 ${list?.total || 0} 份`),
    h("span", { class: "badge accepted" }, `已通过 ${list?.accepted || 0}`),
    h("span", { class: "badge rejected" }, `未通过 ${list?.rejected || 0}`),
    list?.failed ? h("span", { class: "badge failed" }, `处理失败 ${list.failed}`) : null,
    list?.pending ? h("span", { class: "badge pending" }, `处理中 ${list.pending}`) : null,
  ].filter(Boolean));
  // The upload cards follow their statement: processing, then its result.
  const byName = new Map(items.map((s) => [s.fileName, s]));
  for (const li of document.querySelectorAll("#uploads li[data-result=uploaded]")) {
    const s = byName.get(li.dataset.file);
    const msg = li.querySelector(".msg");
    if (!s || !msg) continue;
    msg.textContent = s.status === "pending" ? "已上传，正在处理" : "处理完成：" + STATUS[s.status];
    msg.classList.toggle("bad", s.status === "rejected" || s.status === "failed");
  }
  const rows = items.map((s) => h("tr", { "data-status": s.status },
    h("td", { class: "file" }, s.fileName),
    h("td", {}, badge(s.status)),
    h("td", { class: "num" }, s.problems ?? "–"),
    h("td", { class: "reason" }, s.reason || (s.status === "pending" ? "正在识别和分析，请稍候" : "")),
    h("td", {}, s.statementId && s.status !== "pending"
      ? h("button", { type: "button", class: "secondary", onclick: () => go(state.unit, "statement", s.statementId), "aria-label": "查看 " + s.fileName }, "查看")
      : null),
  ));
  $("statements").tBodies[0].replaceChildren(...rows);
}

// ---- uploads: drag and drop, one XMLHttpRequest per file with its progress ----

const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  uploadAll([...event.dataTransfer.files]);
});
$("file-input").addEventListener("change", (event) => {
  uploadAll([...event.target.files]);
  event.target.value = "";
});

function uploadAll(files) {
  if (!state.unit || files.length === 0) return;
  for (const file of files) upload(state.unit, file);
}

function upload(unit, file) {
  const bar = h("progress", { max: "100", value: "0", "aria-label": file.name + " 上传进度" });
  const msg = h("span", { class: "msg" }, "等待上传…");
  const li = h("li", { "data-file": file.name }, h("span", { class: "name", title: file.name }, file.name), bar, msg);
  $("uploads").prepend(li);
  if (file.size > MAX_BYTES) {
    bar.value = 0;
    msg.textContent = "文件超过 20 MB，未上传";
    msg.classList.add("bad");
    return;
  }
  state.uploading++;
  const xhr = new XMLHttpRequest();
  xhr.open("POST", url(`/units/${encodeURIComponent(unit)}/statements`));
  // RFC 8187: a Chinese file name travels percent-encoded in the header.
  xhr.setRequestHeader("X-File-Name", "UTF-8''" + encodeURIComponent(file.name));
  xhr.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) {
      bar.value = Math.round((event.loaded / event.total) * 100);
      msg.textContent = `上传中 ${bar.value}%`;
    }
  });
  xhr.addEventListener("load", () => {
    state.uploading--;
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
    if (xhr.status === 202) {
      bar.value = 100;
      msg.textContent = "已上传，正在处理";
      li.dataset.result = "uploaded";
    } else {
      msg.textContent = body?.detail || `上传失败（HTTP ${xhr.status}）`;
      msg.classList.add("bad");
      li.dataset.result = "refused";
    }
    if (unit === state.unit) refreshStatements();
  });
  xhr.addEventListener("error", () => {
    state.uploading--;
    msg.textContent = "网络错误，未能上传，请重试";
    msg.classList.add("bad");
    li.dataset.result = "refused";
  });
  msg.textContent = "上传中 0%";
  xhr.send(file);
}

// ---- one statement: items beside their category, deadline and review flags ----

async function showStatement(id) {
  const box = $("statement");
  box.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
  try {
    const result = await getJson(`/units/${encodeURIComponent(state.unit)}/statements/${id}`);
    if (!result) { box.replaceChildren(h("p", { class: "error" }, "没有找到这份材料。")); return; }
    if (result.status === 202) {
      box.replaceChildren(h("p", {}, "这份材料还在处理中，稍后自动刷新…"));
      state.timer = setTimeout(() => showStatement(id), POLL_MS);
      return;
    }
    fill(box, renderRecord(result.body));
    box.querySelector("h2")?.focus();
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, e.message));
  }
}

function renderRecord(r) {
  const flagsByItem = new Map();
  const general = [];
  for (const f of r.quality || []) {
    if (f.itemIds?.length) for (const id of f.itemIds) (flagsByItem.get(id) || flagsByItem.set(id, []).get(id)).push(f);
    else general.push(f);
  }
  const out = [
    h("h2", { tabindex: "-1" }, r.title || r.source.fileName),
    h("div", { class: "meta" },
      h("span", {}, badge(r.status === "accepted" ? "accepted" : r.status)),
      h("span", {}, "文件：" + r.source.fileName),
      r.author ? h("span", {}, "作者：" + r.author) : null,
      r.statementKind ? h("span", {}, KIND[r.statementKind] || r.statementKind) : null,
      r.meetingYear ? h("span", {}, r.meetingYear + " 年") : null,
      r.source.pages ? h("span", {}, `${r.source.pages} 页`) : null,
    ),
  ];
  if (r.rejection) out.push(h("p", { class: "error" }, r.rejection.message));
  if (r.summary?.text) out.push(h("p", {}, r.summary.text));
  if (general.length) out.push(h("h3", {}, "审核提示"), flagList(general));
  for (const section of r.sections || []) {
    if (!section.items?.length) continue;
    out.push(h("section", { class: "section", "aria-label": SECTION[section.kind] || section.kind },
      h("h3", {}, (SECTION[section.kind] || section.kind) + (section.heading ? `（原标题：${section.heading}）` : "") + ` · ${section.items.length} 条`),
      section.items.map((item) => h("div", { class: "item" },
        h("div", { class: "original" },
          item.aspect && item.aspect !== item.title ? h("span", { class: "aspect" }, item.aspect) : null,
          item.label ? h("span", { class: "label" }, item.label) : null,
          item.text),
        h("div", { class: "notes" },
          item.category ? h("span", {}, "类别：", h("span", { class: "badge cat" }, item.category.label || CATEGORY[item.category.code])) : null,
          section.kind === "measures" ? h("span", {}, "时限：" + (item.deadline ? `${item.deadline.text}（${DEADLINE_KIND[item.deadline.kind] || item.deadline.kind}）` : "未写明")) : null,
          item.links?.length ? h("span", {}, (section.kind === "measures" ? "对应问题：" : "对应措施：") + item.links.join("、")) : null,
          (flagsByItem.get(item.id) || []).map((f) => h("span", { class: "flag" }, "⚠ " + f.message)),
        ))),
    ));
  }
  return out;
}

function flagList(flags) {
  return h("ul", { class: "flags" }, flags.map((f) => h("li", {},
    f.message,
    f.evidence?.length ? h("span", { class: "evidence" }, "依据：" + f.evidence.slice(0, 3).join("；")) : null)));
}

// ---- the unit's summary and review flags per member ----

async function showSummary() {
  const box = $("view-summary");
  box.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
  try {
    const result = await getJson(`/units/${encodeURIComponent(state.unit)}/summary`);
    if (!result) { box.replaceChildren(h("p", {}, "尚未生成汇总：上传材料并处理完成后片刻即可查看。")); return; }
    const s = result.body;
    const flags = new Map();
    const unitFlags = [];
    for (const q of s.quality || []) {
      if (q.statementId) (flags.get(q.statementId) || flags.set(q.statementId, []).get(q.statementId)).push(q.flag);
      else unitFlags.push(q.flag || q);
    }
    fill(box,
      h("h3", {}, "单位汇总"),
      h("p", {}, s.text),
      h("div", { class: "stats" },
        stat(s.statements, "份材料"), stat(s.accepted, "份有效"), stat(s.rejected, "份未通过"),
        stat(s.problems, "个问题"), stat(s.causes, "条原因"), stat(s.measures, "项措施"), stat(s.commonProblems?.length || 0, "个共性问题")),
      h("div", { class: "downloads" }, h("a", { class: "button secondary", href: url(`/units/${encodeURIComponent(state.unit)}/summary`, { format: "md" }), download: "" }, "下载汇总（Markdown）")),
      h("h3", {}, "成员与审核提示"),
      h("table", { class: "grid" },
        h("caption", { class: "visually-hidden" }, "每位成员的材料和审核提示"),
        h("thead", {}, h("tr", {}, ["成员", "状态", "问题", "原因", "措施", "审核提示"].map((t, i) => h("th", { scope: "col", class: i >= 2 && i <= 4 ? "num" : null }, t)))),
        h("tbody", {}, (s.members || []).map((m) => h("tr", {},
          h("td", { class: "file" }, m.author || m.fileName),
          h("td", {}, badge(m.status)),
          h("td", { class: "num" }, m.problems), h("td", { class: "num" }, m.causes), h("td", { class: "num" }, m.measures),
          h("td", {}, (flags.get(m.statementId) || []).length
            ? h("ul", { class: "flags" }, flags.get(m.statementId).map((f) => h("li", {}, f.message)))
            : (m.reason || "无"))))),
      ),
      unitFlags.length ? [h("h3", {}, "单位层面的审核提示"), flagList(unitFlags)] : null,
      s.commonProblems?.length ? [h("h3", {}, "共性问题"), h("ul", {}, s.commonProblems.map((c) => h("li", {}, `${c.categoryLabel}：${c.title}（${c.owners.join("、")}）`)))] : null,
    );
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, e.message));
  }
}

function stat(value, label) {
  return h("div", { class: "stat" }, h("b", {}, value ?? 0), h("span", {}, label));
}

// ---- the rectification list and its downloads ----

async function showRectifications() {
  const box = $("view-rectifications");
  box.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
  const unit = encodeURIComponent(state.unit);
  try {
    const [result, reports, summary] = await Promise.all([getJson(`/units/${unit}/rectifications`), getJson(`/units/${unit}/reports`), getJson(`/units/${unit}/summary`)]);
    if (!result) { box.replaceChildren(h("p", {}, "尚未生成整改清单：上传材料并处理完成后片刻即可查看。")); return; }
    const list = result.body;
    const known = new Set(["rectifications.json", "rectifications.csv", "rectifications.xlsx", "rectifications.docx", "summary.json", "summary.md", "consolidation.json"]);
    // The personal lists (个人整改清单) are on the 名册与个人清单 tab, by the person who signs each.
    const others = (reports?.body.files || []).filter((f) => !known.has(f.name) && !f.name.startsWith("personal-"));
    // Report files by what they are for the office: the upward report, and each member's notes (退改意见) by the member.
    const members = summary?.body.members || [];
    const reportLabel = (f) => {
      if (f.name === "report.docx") return "情况报告（.docx）";
      if (f.name === "team-list.docx") return "班子整改清单（.docx）";
      const note = /^note-([0-9a-f]+)\.docx$/.exec(f.name);
      if (note) {
        const m = members.find((x) => (x.statementId || "").startsWith(note[1]));
        return "退改意见：" + (m ? (m.author || m.fileName) : note[1]);
      }
      return f.name;
    };
    fill(box,
      h("h3", {}, list.title || "整改清单"),
      h("div", { class: "downloads", role: "group", "aria-label": "下载整改清单" },
        [["xlsx", "Excel（.xlsx）"], ["docx", "Word（.docx）"], ["csv", "CSV"], ["json", "JSON"]].map(([f, label]) =>
          h("a", { class: "button secondary", href: url(`/units/${unit}/rectifications`, { format: f }), download: "", "data-format": f }, "下载 " + label)),
        others.map((f) => h("a", { class: "button secondary", href: withKey(f.location), download: "", "data-report": f.name }, "下载 " + reportLabel(f)))),
      h("table", { class: "grid" },
        h("caption", { class: "visually-hidden" }, "整改清单"),
        h("thead", {}, h("tr", {}, ["序号", "问题类别", "问题表现", "整改措施", "责任人", "整改时限", "完成情况"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, (list.rows || []).map((row) => h("tr", { "data-row-id": row.rowId || null },
          h("td", { class: "num" }, row.number),
          h("td", {}, row.categoryLabel),
          h("td", {}, row.problem),
          h("td", { class: "original" }, row.measures),
          h("td", { class: "owners" }, (row.ownerDetails?.length ? row.owners.map((o) => o + ((row.ownerDetails.find((d) => d.name === o) || {}).position ? "（" + row.ownerDetails.find((d) => d.name === o).position + "）" : "")) : row.owners || []).join("、"),
            row.lastYear ? h("div", { class: "hint", "data-last-year": row.lastYear.row.number }, "回头看：上年度" + (row.lastYear.row.number ? "第 " + row.lastYear.row.number + " 项" : "整改落实情况") + "已列" + (row.lastYear.row.status ? "（" + row.lastYear.row.status + "）" : "")) : null),
          h("td", {}, row.deadline),
          h("td", {}, row.status))))),
    );
    // Status, progress, evidence, reminders, rates and the Excel import (tracking.js).
    window.SelfReviewTracking?.enhance(box, state.unit, list, showRectifications);
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, e.message));
  }
}

route();
