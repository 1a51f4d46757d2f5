"use strict";
// The roster view (名册与个人清单): import the unit's roster (XLSX/CSV), see which statement each
// person owns and set an owner by hand, upload last year's list for 回头看, and download the lists
// people sign (个人整改清单, 班子整改清单). Uses app.js's h, fill, url, getJson, toast and state.

const MATCHED_BY = {
  assigned: "手动指定",
  rosterAuthor: "按材料署名",
  rosterFileName: "按文件名",
  author: "材料署名（名册中无此人）",
  team: "领导班子",
  unconfirmed: "待确认",
};

/** Sends a file or JSON with PUT; answers the parsed body, or throws with the API's Chinese reason. */
async function rosterPut(path, body, headers) {
  const response = await fetch(url(path), { method: "PUT", body, headers: { Accept: "application/json", ...(headers || {}) } });
  const parsed = await response.json().catch(() => null);
  if (!response.ok) throw new Error(parsed?.detail || `请求失败（HTTP ${response.status}）`);
  return parsed;
}

function fileField(id, label, hint, onFile) {
  const input = h("input", { id, type: "file", accept: ".xlsx,.csv,.json", class: "visually-hidden" });
  input.addEventListener("change", () => { if (input.files.length) onFile(input.files[0]); input.value = ""; });
  return h("div", { class: "roster-upload" },
    h("label", { class: "button", for: id, tabindex: "0", onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } } }, label),
    input,
    h("span", { class: "hint" }, hint));
}

async function showRoster() {
  const box = $("view-roster");
  box.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
  const unit = encodeURIComponent(state.unit);
  try {
    const [roster, reports, summary] = await Promise.all([getJson(`/units/${unit}/roster`), getJson(`/units/${unit}/reports`), getJson(`/units/${unit}/summary`)]);
    renderRoster(box, unit, roster?.body, reports?.body.files || [], summary?.body.members || []);
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, e.message));
  }
}

function renderRoster(box, unit, view, files, members) {
  const people = view?.people || [];
  const status = h("p", { id: "roster-status", class: "hint", "aria-live": "polite" },
    view?.sourceFileName
      ? `名册“${view.sourceFileName}”共 ${people.length} 人；${view.total} 份材料中 ${view.matched} 份已对应到名册人员。`
      : "尚未导入名册：责任人暂取材料署名，无署名的显示为【待确认】。");
  const importRoster = async (file) => {
    try {
      const result = await rosterPut(`/units/${unit}/roster`, file, { "X-File-Name": "UTF-8''" + encodeURIComponent(file.name) });
      toast(`已导入名册：${result.people.length} 人，对应材料 ${result.matched}/${result.total} 份；整改清单将随之更新`);
      showRoster();
    } catch (e) {
      status.textContent = e.message;
      status.className = "error";
    }
  };
  const importLastYear = async (file) => {
    try {
      const result = await rosterPut(`/units/${unit}/last-year`, file, { "X-File-Name": "UTF-8''" + encodeURIComponent(file.name) });
      toast(`已读取上年度清单 ${result.rows} 项，回头看结果将显示在整改清单中`);
    } catch (e) {
      status.textContent = e.message;
      status.className = "error";
    }
  };
  const assign = async (statementId, person) => {
    try {
      await rosterPut(`/units/${unit}/roster/owners/${statementId}`, JSON.stringify({ person }), { "Content-Type": "application/json", ...(view?.eTag ? { "If-Match": view.eTag } : {}) });
      toast(person ? `已指定责任人：${person}` : "已取消手动指定");
      showRoster();
    } catch (e) {
      status.textContent = e.message;
      status.className = "error";
    }
  };

  const personal = files.filter((f) => /^personal-[0-9a-f]+\.docx$/.test(f.name));
  const nameOf = (f) => {
    const id = /^personal-([0-9a-f]+)\.docx$/.exec(f.name)[1];
    const s = (view?.statements || []).find((x) => x.statementId.startsWith(id));
    const m = members.find((x) => (x.statementId || "").startsWith(id));
    return s ? s.owner : (m ? (m.author || m.fileName) : id);
  };
  const team = files.find((f) => f.name === "team-list.docx");

  fill(box,
    h("h3", {}, "名册"),
    status,
    fileField("roster-input", "导入名册", "Excel（.xlsx）或 CSV，表头：姓名、职务、分管领域，可选 文件名（对应材料的文件名）", importRoster),
    people.length === 0 && (view?.statements || []).length === 0 ? null : h("table", { class: "grid", id: "roster-matches" },
      h("caption", {}, "材料与责任人的对应"),
      h("thead", {}, h("tr", {}, ["材料", "材料署名", "责任人", "职务", "对应方式", "指定责任人"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, (view?.statements || []).map((s) => {
        const select = h("select", { "aria-label": "为 " + s.fileName + " 指定责任人", "data-statement": s.statementId },
          h("option", { value: "" }, s.matchedBy === "assigned" ? "（取消指定）" : "（自动对应）"),
          people.map((p) => h("option", { value: p.name, selected: s.matchedBy === "assigned" && s.owner === p.name }, p.name + (p.position ? "（" + p.position + "）" : ""))));
        select.addEventListener("change", () => assign(s.statementId, select.value || null));
        return h("tr", { "data-matched": s.matchedBy },
          h("td", {}, s.fileName),
          h("td", {}, s.author || "—"),
          h("td", { class: "owner" }, s.owner),
          h("td", {}, s.position || ""),
          h("td", {}, MATCHED_BY[s.matchedBy] || s.matchedBy),
          h("td", {}, people.length ? select : h("span", { class: "hint" }, "导入名册后可指定")));
      }))),
    h("h3", {}, "回头看"),
    fileField("last-year-input", "上传上年度整改清单", "本系统导出的上年度 rectifications.xlsx 或 .json；与上年度重复的问题将在清单中标出", importLastYear),
    h("h3", {}, "个人整改清单与班子整改清单"),
    personal.length === 0 && !team ? h("p", { class: "hint" }, "清单生成后可在此下载。") : h("div", { class: "downloads", role: "group", "aria-label": "下载签字用清单" },
      team ? h("a", { class: "button secondary", href: withKey(team.location), download: "", "data-report": team.name }, "下载 班子整改清单（.docx）") : null,
      personal.map((f) => h("a", { class: "button secondary", href: withKey(f.location), download: "", "data-report": f.name }, "下载 个人整改清单：" + nameOf(f)))),
  );
}

window.showRoster = showRoster;
