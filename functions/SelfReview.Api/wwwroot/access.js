// 权限管理: the unit-access map, for administrators only (load after signin.js:
// <script src="access.js" defer></script>). It reads GET /api/session; when the caller is an administrator a
// "权限管理" button appears in the header and opens a dialog over GET /api/access, where a grant is set with
// PUT /api/access/grants/{principal} and removed with DELETE (signin.js adds the CSRF header to both).
// The API checks the caller again on every call: hiding the button is convenience, not the control.
(() => {
  "use strict";
  const API = "/api";
  const RIGHT = { read: "只读", edit: "可编辑", administer: "单位管理" };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    node.append(...children.flat().filter((c) => c !== null && c !== undefined));
    return node;
  };

  async function call(method, path, body) {
    const response = await fetch(API + path, {
      method,
      headers: body ? { "Content-Type": "application/json", Accept: "application/json" } : { Accept: "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error(answer?.detail || `请求失败（HTTP ${response.status}）`);
    return answer;
  }

  function dialog() {
    let d = document.getElementById("access");
    if (d) return d;
    d = el("dialog", { id: "access", class: "access", "aria-labelledby": "access-title" },
      el("h2", { id: "access-title" }, "权限管理"),
      el("p", { class: "hint" }, "为用户、密钥、Entra 用户或组授予单位权限。主体写作 user:用户名、key:密钥名、entra:对象ID 或 group:组对象ID；单位用逗号分隔，* 表示全部单位。"),
      el("table", { class: "grid", id: "access-grants" },
        el("caption", { class: "visually-hidden" }, "现有授权"),
        el("thead", {}, el("tr", {},
          el("th", { scope: "col" }, "主体"), el("th", { scope: "col" }, "单位"), el("th", { scope: "col" }, "权限"),
          el("th", { scope: "col" }, "管理员"), el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "操作")))),
        el("tbody")),
      el("form", { id: "access-form", class: "access-form" },
        el("label", {}, "主体 ", el("input", { name: "principal", required: true, list: "access-principals", autocomplete: "off", placeholder: "user:wang" })),
        el("datalist", { id: "access-principals" }),
        el("label", {}, "单位 ", el("input", { name: "units", required: true, autocomplete: "off", placeholder: "unit-7,unit-8" })),
        el("label", {}, "权限 ", el("select", { name: "right", "aria-label": "权限" }, ...Object.entries(RIGHT).map(([v, t]) => el("option", { value: v }, t)))),
        el("label", {}, el("input", { name: "administrator", type: "checkbox" }), " 管理员（全部单位与权限）"),
        el("button", { type: "submit" }, "保存授权")),
      el("p", { class: "error", id: "access-error", role: "alert" }),
      el("form", { method: "dialog" }, el("button", { type: "submit", class: "secondary" }, "关闭")));
    d.querySelector("#access-form").addEventListener("submit", save);
    document.body.append(d);
    return d;
  }

  async function refresh() {
    const d = dialog();
    const error = d.querySelector("#access-error");
    error.textContent = "";
    try {
      const view = await call("GET", "/access");
      const admins = new Set(view.administrators || []);
      const rows = (view.grants || []).map((g) => el("tr", { "data-principal": g.principal },
        el("td", {}, g.principal),
        el("td", {}, g.units.join("，")),
        el("td", {}, RIGHT[g.right] || g.right),
        el("td", {}, admins.has(g.principal) ? "是" : ""),
        el("td", {}, el("button", { type: "button", class: "link", "aria-label": "删除 " + g.principal + " 的授权", onclick: () => remove(g.principal) }, "删除"))));
      d.querySelector("#access-grants tbody").replaceChildren(...rows);
      const names = [...(view.users || []).map((u) => "user:" + u.name), ...(view.keys || []).map((k) => "key:" + k.name)];
      d.querySelector("#access-principals").replaceChildren(...names.map((n) => el("option", { value: n })));
    } catch (e) {
      error.textContent = e.message;
    }
  }

  async function save(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById("access-error");
    const units = form.units.value.split(/[,，\s]+/).map((u) => u.trim()).filter(Boolean);
    try {
      await call("PUT", "/access/grants/" + encodeURIComponent(form.principal.value.trim()),
        { units, right: form.right.value, administrator: form.administrator.checked });
      form.reset();
      await refresh();
    } catch (e) {
      error.textContent = e.message;
    }
  }

  async function remove(principal) {
    if (!confirm("删除 " + principal + " 的全部授权？")) return;
    try {
      await call("DELETE", "/access/grants/" + encodeURIComponent(principal));
      await refresh();
    } catch (e) {
      document.getElementById("access-error").textContent = e.message;
    }
  }

  window.addEventListener("DOMContentLoaded", async () => {
    const answer = await fetch(API + "/session", { headers: { Accept: "application/json" } }).catch(() => null);
    if (!answer?.ok) return;
    const session = await answer.json();
    if (!session.administrator) return;
    const open = el("button", { type: "button", id: "open-access", class: "secondary", onclick: async () => { const d = dialog(); await refresh(); if (!d.open) d.showModal(); } }, "权限管理");
    (document.querySelector("header") || document.body).append(open);
  });
})();
