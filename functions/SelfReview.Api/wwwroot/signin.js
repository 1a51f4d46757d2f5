// Sign-in for the page (load it before app.js: <script src="signin.js"></script>).
// - Every change the page sends carries X-SelfReview-Request (the API's CSRF check: a cross-site form or
//   script cannot add a custom header without a CORS preflight, which neither host answers).
// - When the API answers 401, a small Chinese sign-in form appears: on `selfreview serve` it posts the
//   name and password to /api/session (a cookie session); in Azure it sends the browser to App Service
//   authentication (/.auth/login/aad). The units list the page shows is already only the caller's (GET /api/units).
(() => {
  "use strict";
  const HEADER = "X-SelfReview-Request";
  const unsafe = (method) => !/^(GET|HEAD)$/i.test(method || "GET");

  const originalOpen = XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, ...rest) {
    this.__selfReviewUnsafe = unsafe(method);
    return originalOpen.call(this, method, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.__selfReviewUnsafe) this.setRequestHeader(HEADER, "1");
    return originalSend.apply(this, args);
  };

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init = {}) => {
    const method = init.method || (input instanceof Request ? input.method : "GET");
    if (unsafe(method)) {
      const headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
      headers.set(HEADER, "1");
      init = { ...init, headers };
    }
    const response = await originalFetch(input, init);
    const url = typeof input === "string" ? input : input.url;
    if (response.status === 401 && !/\/api\/session$/.test(url)) showSignIn();
    return response;
  };

  const inAzure = location.pathname.startsWith("/api/web/");

  function showSignIn(message) {
    if (inAzure) {
      location.href = "/.auth/login/aad?post_login_redirect_uri=" + encodeURIComponent(location.pathname);
      return;
    }
    let dialog = document.getElementById("signin");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.id = "signin";
      dialog.innerHTML = `
        <form method="dialog" aria-labelledby="signin-title">
          <h2 id="signin-title">登录</h2>
          <p>请输入管理员为您创建的用户名和密码。</p>
          <label>用户名 <input name="name" autocomplete="username" required></label>
          <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
          <p class="signin-error" role="alert" aria-live="assertive"></p>
          <button type="submit">登录</button>
        </form>`;
      document.body.append(dialog);
      dialog.querySelector("form").addEventListener("submit", async (event) => {
        event.preventDefault();
        const form = event.target;
        const answer = await originalFetch("/api/session", {
          method: "POST",
          headers: { "Content-Type": "application/json", [HEADER]: "1" },
          body: JSON.stringify({ name: form.name.value, password: form.password.value }),
        });
        if (answer.ok) {
          location.reload();
          return;
        }
        const problem = await answer.json().catch(() => ({}));
        form.querySelector(".signin-error").textContent = problem.detail || "登录失败，请重试";
        form.password.value = "";
        form.password.focus();
      });
    }
    if (message) dialog.querySelector(".signin-error").textContent = message;
    if (!dialog.open) dialog.showModal();
  }

  // A sign-out link for password sessions, once the page has loaded.
  window.addEventListener("DOMContentLoaded", async () => {
    const answer = await originalFetch("/api/session", { headers: { Accept: "application/json" } });
    if (answer.status === 401) {
      showSignIn();
      return;
    }
    if (!answer.ok) return;
    const session = await answer.json();
    if (!session.caller.startsWith("user:")) return;
    const out = document.createElement("button");
    out.type = "button";
    out.textContent = `退出登录（${session.caller.slice(5)}）`;
    out.addEventListener("click", async () => {
      await originalFetch("/api/session", { method: "DELETE", headers: { [HEADER]: "1" } });
      location.reload();
    });
    (document.querySelector("header") || document.body).append(out);
  });
})();
