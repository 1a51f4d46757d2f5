"use strict";
// The rollup view (下级单位: the units below and their 汇总): this unit's place in the hierarchy (its 上级单位, set here), and the
// figures of every unit below it added up from their summaries — statements, problems, rows, completion
// and overdue rows per unit, by category, and the problems several units share — with the workbook to
// download. Uses app.js's h, $, url, getJson, toast and state.

function percent(tracking) {
  return `${(tracking?.percent ?? 0).toFixed(1)}%`;
}

async function showRollup() {
  const box = $("view-rollup");
  box.replaceChildren(h("p", { class: "hint" }, "正在读取…"));
  const unit = encodeURIComponent(state.unit);
  try {
    const [profile, rollup] = await Promise.all([getJson(`/units/${unit}`), getJson(`/units/${unit}/rollup`)]);
    renderRollup(box, unit, profile?.body, rollup?.body);
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, e.message));
  }
}

function renderRollup(box, unit, profile, rollup) {
  const parentInput = h("input", { id: "rollup-parent", type: "text", value: profile?.parent || "", placeholder: "如：county-1（留空表示无上级）", autocomplete: "off" });
  const parentStatus = h("span", { class: "hint", id: "rollup-parent-status", "aria-live": "polite" },
    profile?.parent ? `本单位的上级单位：${profile.parent}` : "本单位尚未设置上级单位。");
  const saveParent = async (event) => {
    event.preventDefault();
    const parent = parentInput.value.trim() || null;
    const response = await fetch(url(`/units/${unit}`), {
      method: "PUT",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ parent }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      parentStatus.textContent = body?.detail || `保存失败（HTTP ${response.status}）`;
      parentStatus.className = "error";
      return;
    }
    toast(parent ? `已将本单位设在“${parent}”之下` : "已取消本单位的上级单位");
    showRollup();
  };
  const form = h("form", { class: "rollup-parent", onsubmit: saveParent },
    h("label", { for: "rollup-parent" }, "上级单位"), parentInput, h("button", { type: "submit", class: "button" }, "保存"), parentStatus);

  const units = rollup?.units || [];
  if (units.length === 0) {
    box.replaceChildren(form, h("p", { class: "hint", id: "rollup-empty" }, "暂无下级单位：下级单位在“上级单位”中填写本单位后，其材料和整改情况会在这里汇总。"));
    return;
  }

  const totals = h("p", { id: "rollup-totals" },
    `下级单位 ${units.length} 个，材料 ${rollup.statements} 份（通过 ${rollup.accepted} 份），问题 ${rollup.problems} 条，`
    + `整改事项 ${rollup.tracking.rows} 项，已完成 ${rollup.tracking.completed} 项、已销号 ${rollup.tracking.signedOff} 项，`
    + `逾期 ${rollup.tracking.overdue} 项，整改完成率 ${percent(rollup.tracking)}（统计日 ${rollup.today}）。`);
  const head = (...cells) => h("thead", {}, h("tr", {}, ...cells.map((c) => h("th", { scope: "col" }, c))));
  const unitTable = h("table", { class: "grid", id: "rollup-units" },
    h("caption", {}, "各单位情况"),
    head("单位", "上级", "材料", "问题", "共性问题", "整改事项", "已完成", "已销号", "逾期", "完成率"),
    h("tbody", {}, ...units.map((u) => h("tr", { "data-unit": u.unitId },
      h("th", { scope: "row" }, (u.depth > 1 ? "　".repeat(u.depth - 1) : "") + (u.unitName || u.unitId) + (u.hasSummary ? "" : "（尚无汇总）")),
      h("td", {}, u.parent),
      h("td", {}, String(u.statements)), h("td", {}, String(u.problems)), h("td", {}, String(u.commonProblems)),
      h("td", {}, String(u.tracking.rows)), h("td", {}, String(u.tracking.completed)), h("td", {}, String(u.tracking.signedOff)),
      h("td", { class: u.tracking.overdue > 0 ? "overdue" : "" }, String(u.tracking.overdue)), h("td", {}, percent(u.tracking))))));
  const categoryTable = h("table", { class: "grid", id: "rollup-categories" },
    h("caption", {}, "按问题类别"),
    head("类别", "问题", "整改事项", "已完成", "逾期", "完成率"),
    h("tbody", {}, ...(rollup.byCategory || []).filter((c) => c.problems > 0 || c.tracking.rows > 0).map((c) => h("tr", {},
      h("th", { scope: "row" }, c.categoryLabel), h("td", {}, String(c.problems)), h("td", {}, String(c.tracking.rows)),
      h("td", {}, String(c.tracking.completed)), h("td", {}, String(c.tracking.overdue)), h("td", {}, percent(c.tracking))))));
  const shared = rollup.crossUnitProblems || [];
  const sharedBlock = shared.length === 0
    ? h("p", { class: "hint" }, "下级单位之间暂未发现共性问题。")
    : h("table", { class: "grid", id: "rollup-shared" },
      h("caption", {}, `跨单位共性问题（${shared.length} 项）`),
      head("问题", "类别", "涉及单位", "人数"),
      h("tbody", {}, ...shared.slice(0, 200).map((p) => h("tr", {},
        h("td", {}, p.title), h("td", {}, p.categoryLabel), h("td", {}, p.units.join("、")), h("td", {}, String(p.members))))));
  const download = h("a", { class: "button", id: "rollup-xlsx", href: url(`/units/${unit}/rollup`, { format: "xlsx" }), download: "" }, "下载汇总表（Excel）");
  const cycles = (rollup.cycles || []).length > 0
    ? h("p", { class: "error" }, `上下级设置存在循环：${rollup.cycles.join("；")}，已忽略这些设置。`)
    : null;
  box.replaceChildren(...[form, totals, download, cycles, unitTable, categoryTable, sharedBlock].filter(Boolean));
}

window.showRollup = showRollup;
