// Tracking of the 整改清单 on the page (整改跟踪): status and progress edited in place, evidence
// (佐证材料) uploads, the reminders view (到期提醒), completion rates (完成率) and the import of an
// edited Excel list. app.js calls SelfReviewTracking.enhance(box, unit, list) after drawing the list;
// everything here goes through the API (PATCH …/rectifications/{rowId} with If-Match, …/evidence,
// …/tracking/due, …/tracking/rates, …/tracking/import). signin.js adds the CSRF header to every change.
"use strict";

window.SelfReviewTracking = (() => {
  const API = "/api";
  const KEY = new URLSearchParams(location.search).get("code");
  const STATUSES = ["未完成", "推进中", "已完成", "已销号"];
  const MAX_BYTES = 20 * 1024 * 1024;

  function url(path, params) {
    const u = new URL(API + path, location.origin);
    for (const [k, v] of Object.entries(params || {})) u.searchParams.set(k, v);
    if (KEY) u.searchParams.set("code", KEY);
    return u.pathname + u.search;
  }

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

  function say(text, bad) {
    const t = document.getElementById("toast");
    if (!t) return;
    t.textContent = text;
    t.classList.toggle("bad", !!bad);
    t.classList.add("show");
    clearTimeout(say.timer);
    say.timer = setTimeout(() => t.classList.remove("show"), 5000);
  }

  async function json(response) {
    return response.json().catch(() => null);
  }

  /** The status cell of one row: a select, a note field, 保存, 佐证材料. */
  function editor(unit, row, live) {
    const tags = { etag: null };
    const label = `序号 ${row.number} 的完成情况`;
    const select = h("select", { "aria-label": label, "data-track": "status" },
      STATUSES.map((s) => h("option", { value: s, selected: s === row.status }, s)));
    const note = h("input", { type: "text", "aria-label": `序号 ${row.number} 的整改进展`, placeholder: "整改进展（可选）", maxlength: "2000", "data-track": "note" });
    const latest = h("div", { class: "hint", "data-track": "latest" }, row.latestProgress ? "最新进展：" + row.latestProgress : "");
    const signed = h("div", { class: "hint", "data-track": "signed" }, row.signedOffOn ? `销号：${row.signedOffOn} ${row.signedOffBy || ""}` : "");
    const save = h("button", { type: "button", class: "button secondary", "data-track": "save" }, "保存");
    const file = h("input", { type: "file", "aria-label": `为序号 ${row.number} 上传佐证材料`, "data-track": "evidence", class: "visually-hidden" });
    const evidence = h("button", { type: "button", class: "button secondary", "data-track": "evidence-button", onclick: () => file.click() }, `佐证材料（${row.evidenceCount || 0}）`);

    async function submit() {
      const body = {};
      if (select.value !== row.status) body.status = select.value;
      if (note.value.trim()) body.note = note.value.trim();
      if (!body.status && !body.note) { say("没有要保存的修改"); return; }
      save.disabled = true;
      try {
        if (!tags.etag) {
          const current = await fetch(url(`/units/${unit}/rectifications/${row.rowId}`), { headers: { Accept: "application/json" } });
          tags.etag = current.headers.get("ETag");
        }
        const headers = { "Content-Type": "application/json", Accept: "application/json" };
        if (tags.etag) headers["If-Match"] = tags.etag;
        const response = await fetch(url(`/units/${unit}/rectifications/${row.rowId}`), { method: "PATCH", headers, body: JSON.stringify(body) });
        const answer = await json(response);
        if (!response.ok) {
          tags.etag = response.status === 409 ? null : tags.etag;
          say(answer?.detail || `保存失败（HTTP ${response.status}）`, true);
          return;
        }
        tags.etag = response.headers.get("ETag");
        Object.assign(row, answer);
        select.value = row.status;
        note.value = "";
        latest.textContent = row.latestProgress ? "最新进展：" + row.latestProgress : "";
        signed.textContent = row.signedOffOn ? `销号：${row.signedOffOn} ${row.signedOffBy || ""}` : "";
        say(`序号 ${row.number} 已保存`);
        live();
      } finally {
        save.disabled = false;
      }
    }

    save.addEventListener("click", submit);
    note.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); submit(); } });
    file.addEventListener("change", async () => {
      const f = file.files[0];
      file.value = "";
      if (!f) return;
      if (f.size > MAX_BYTES) { say("文件超过 20 MB，未上传", true); return; }
      const response = await fetch(url(`/units/${unit}/rectifications/${row.rowId}/evidence`), {
        method: "POST",
        headers: { "X-File-Name": "UTF-8''" + encodeURIComponent(f.name), Accept: "application/json" },
        body: f,
      });
      const answer = await json(response);
      if (!response.ok) { say(answer?.detail || `上传失败（HTTP ${response.status}）`, true); return; }
      if (response.status === 201) row.evidenceCount = (row.evidenceCount || 0) + 1;
      evidence.textContent = `佐证材料（${row.evidenceCount || 0}）`;
      say(`已上传佐证材料“${f.name}”`);
    });

    if (row.withdrawn) {
      return h("div", { class: "track withdrawn" }, h("strong", {}, "已撤销"), latest,
        h("div", { class: "hint" }, "该问题已不再出现在检视材料中，整改记录保留可查"));
    }
    return h("div", { class: "track", "data-row-id": row.rowId }, select, note, save, evidence, file, latest, signed);
  }

  function dueTable(title, rows, kind) {
    if (rows.length === 0) return h("p", { class: "hint" }, title + "：无");
    return h("table", { class: "grid", "data-due": kind },
      h("caption", {}, `${title}（${rows.length} 项）`),
      h("thead", {}, h("tr", {}, ["序号", "问题", "责任人", "整改时限", "到期日", kind === "overdue" ? "超期天数" : "剩余天数", "完成情况"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows.map((r) => h("tr", { class: kind },
        h("td", { class: "num" }, r.number), h("td", {}, r.problem), h("td", {}, (r.owners || []).join("、")),
        h("td", {}, r.deadline), h("td", {}, r.dueDate), h("td", { class: "num" }, Math.abs(r.daysLeft)), h("td", {}, r.status)))));
  }

  async function showDue(unit, panel) {
    panel.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
    const response = await fetch(url(`/units/${unit}/tracking/due`, { days: 7 }), { headers: { Accept: "application/json" } });
    const due = await json(response);
    if (!response.ok) { panel.replaceChildren(h("p", { class: "error" }, due?.detail || "读取失败")); return; }
    panel.replaceChildren(
      h("h4", {}, "到期提醒"),
      h("p", {}, `会议日期：${due.meetingDate || "未设置"}；统计日：${due.today}；超期 ${due.overdue.length} 项，${due.days} 日内到期 ${due.dueSoon.length} 项。`),
      dueTable("已超期", due.overdue, "overdue"),
      dueTable(`${due.days} 日内到期`, due.dueSoon, "soon"));
  }

  async function showRates(unit, panel) {
    const response = await fetch(url(`/units/${unit}/tracking/rates`), { headers: { Accept: "application/json" } });
    const rates = await json(response);
    if (!response.ok) { panel.replaceChildren(h("p", { class: "error" }, rates?.detail || "读取失败")); return; }
    const table = (caption, items) => h("table", { class: "grid" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, ["", "问题数", "已完成", "已销号", "完成率"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, items.map((r) => h("tr", {}, h("th", { scope: "row" }, r.name), h("td", { class: "num" }, r.rows), h("td", { class: "num" }, r.completed), h("td", { class: "num" }, r.signedOff), h("td", { class: "num" }, r.percent + "%")))));
    panel.replaceChildren(
      h("h4", {}, "整改完成率"),
      h("p", { "data-rate": "unit" }, `全单位：${rates.unit.completed} / ${rates.unit.rows} 项，完成率 ${rates.unit.percent}%`),
      table("按责任人", rates.byMember),
      table("按问题类别", rates.byCategory));
  }

  async function importXlsx(unit, file, panel, reload) {
    const response = await fetch(url(`/units/${unit}/tracking/import`), {
      method: "POST",
      headers: { "X-File-Name": "UTF-8''" + encodeURIComponent(file.name), Accept: "application/json" },
      body: file,
    });
    const report = await json(response);
    if (!response.ok) { say(report?.detail || `导入失败（HTTP ${response.status}）`, true); return; }
    panel.replaceChildren(
      h("h4", {}, "导入结果"),
      h("p", { "data-import": "message" }, report.message),
      report.changed.length ? h("ul", {}, report.changed.map((c) => h("li", {}, `序号 ${c.number} · ${c.field}：${c.from || "（空）"} → ${c.to}`))) : null,
      report.refused.length ? h("ul", { class: "bad" }, report.refused.map((r) => h("li", {}, `第 ${r.line} 行：${r.reason}`))) : null);
    say(report.message);
    if (report.changed.length) reload();
  }

  /** Adds the tracking controls to the list app.js drew in box (rows carry data-row-id). */
  function enhance(box, unitId, list, reload) {
    const unit = encodeURIComponent(unitId);
    const rows = new Map((list.rows || []).map((r) => [r.rowId, r]));
    const panel = h("section", { class: "tracking-panel", "aria-live": "polite" });
    const rates = h("section", { class: "tracking-rates" });
    const picker = h("input", { type: "file", accept: ".xlsx", class: "visually-hidden", "aria-label": "选择已填写的整改清单 Excel 文件" });
    picker.addEventListener("change", () => { const f = picker.files[0]; picker.value = ""; if (f) importXlsx(unit, f, panel, reload); });
    const bar = h("div", { class: "downloads", role: "group", "aria-label": "整改跟踪" },
      h("button", { type: "button", class: "button", "data-track": "due", onclick: () => showDue(unit, panel) }, "到期提醒"),
      h("button", { type: "button", class: "button secondary", "data-track": "rates", onclick: () => showRates(unit, rates) }, "完成率"),
      h("button", { type: "button", class: "button secondary", "data-track": "import", onclick: () => picker.click() }, "导入已填写的 Excel"),
      picker);
    const table = box.querySelector("table.grid");
    box.insertBefore(bar, table);
    box.insertBefore(panel, table);
    box.insertBefore(rates, table);
    for (const tr of box.querySelectorAll("tbody tr[data-row-id]")) {
      const row = rows.get(tr.dataset.rowId);
      if (!row) continue;
      if (row.withdrawn) tr.classList.add("withdrawn");
      const cell = tr.lastElementChild;
      cell.replaceChildren(editor(unit, row, () => { if (rates.childElementCount) showRates(unit, rates); }));
    }
  }

  return { enhance };
})();
