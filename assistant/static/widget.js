/*
 * career-assistant widget for host pages.
 *
 *   <script src="https://HOST/widget.js" data-title="Career questions" defer></script>
 *
 * Adds a floating launcher button; clicking it opens a chat panel: an iframe of HOST/embed. Everything
 * lives in a shadow root, so the host page's CSS cannot reach the widget and the widget's CSS cannot
 * reach the page. Options (data-attributes): title, accent, position ("left"/"right"), greeting,
 * examples ("first question|second question"), open ("true" opens on load).
 *
 * API for the host page: window.CareerWidget.open() / .close() / .ask(text), or the same through
 * window.postMessage({careerWidget: "open" | "close" | "ask", text}, location.origin).
 * Messages to and from the iframe use explicit origins: this script accepts messages only from the
 * widget server's origin (and only from its own iframe), and posts only to that origin.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.CareerWidget) return; // loaded twice: keep the first
  var SERVER = new URL(script.src, location.href).origin;
  var STORE_KEY = "career-widget:open";
  var READY_GRACE_MS = 2500; // after the iframe's load event, how long to wait for its "ready" message
  var READY_TIMEOUT_MS = 20000;

  function text(value, max) {
    return String(value || "").replace(/\s+/g, " ").trim().slice(0, max);
  }

  function colour(value) {
    value = String(value || "").trim();
    if (!/^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([0-9.,%\s/]+\)|[a-z]{3,20})$/i.test(value)) return "";
    return window.CSS && CSS.supports && !CSS.supports("color", value) ? "" : value;
  }

  var data = script.dataset;
  var config = {
    title: text(data.title, 80) || "Career questions",
    accent: colour(data.accent) || "#1f5fbf",
    position: data.position === "left" ? "left" : "right",
    greeting: text(data.greeting, 500),
    examples: String(data.examples || "").split("|").map(function (q) { return text(q, 200); })
      .filter(Boolean).slice(0, 5),
    open: data.open === "true" || data.open === "",
  };

  var STYLE = [
    ":host { all: initial; }",
    ".root { --accent: #1f5fbf; font: 16px/1.4 system-ui, sans-serif; }",
    ".launcher { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; box-sizing: border-box;",
    "  width: 56px; height: 56px; margin: 0; padding: 0; border: 0; border-radius: 50%; cursor: pointer;",
    "  display: flex; align-items: center; justify-content: center; background: var(--accent); color: #fff;",
    "  box-shadow: 0 4px 14px rgba(0,0,0,.25); transition: transform .15s; }",
    ".launcher:hover { transform: scale(1.06); }",
    ".launcher:focus-visible { outline: 3px solid #fff; box-shadow: 0 0 0 6px var(--accent); }",
    ".launcher svg { width: 28px; height: 28px; fill: currentColor; }",
    ".left .launcher { right: auto; left: 20px; }",
    ".panel { position: fixed; bottom: 88px; right: 20px; z-index: 2147483000; box-sizing: border-box;",
    "  width: 380px; height: 600px; max-height: calc(100vh - 108px); max-width: calc(100vw - 40px);",
    "  border-radius: 14px; overflow: hidden; background: #fff; box-shadow: 0 8px 30px rgba(0,0,0,.3); }",
    ".left .panel { right: auto; left: 20px; }",
    ".panel[hidden] { display: none; }",
    ".panel iframe { display: block; width: 100%; height: 100%; border: 0; background: #fff; }",
    ".unavailable { padding: 24px; color: #222; font: 15px/1.5 system-ui, sans-serif; }",
    ".unavailable button { margin-top: 12px; padding: 8px 14px; border: 1px solid #888; border-radius: 8px;",
    "  background: #fff; color: #222; font: inherit; cursor: pointer; }",
    "@media (max-width: 600px) {",
    "  .panel, .left .panel { inset: 0; width: 100%; height: 100%; max-width: none; max-height: none; border-radius: 0; }",
    "  .open .launcher { display: none; }",
    "}",
  ].join("\n");

  var ICON_CHAT = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";
  var ICON_CLOSE = "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4L12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z";

  var host = document.createElement("career-widget");
  host.style.setProperty("all", "initial", "important");
  var shadow = host.attachShadow({ mode: "open" });
  if (shadow.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    var sheet = new CSSStyleSheet(); // constructed sheets are not inline styles: strict host CSPs allow them
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = STYLE;
    shadow.appendChild(style);
  }

  var root = document.createElement("div");
  root.className = "root " + config.position;
  root.style.setProperty("--accent", config.accent);

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "launcher";
  launcher.setAttribute("aria-controls", "career-widget-panel");
  var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  svg.appendChild(path);
  launcher.appendChild(svg);

  var panel = document.createElement("div");
  panel.className = "panel";
  panel.id = "career-widget-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", config.title);
  panel.hidden = true;

  root.appendChild(panel);
  root.appendChild(launcher);
  shadow.appendChild(root);

  var frame = null;
  var state = "closed"; // the panel: "closed" | "open"
  var frameState = "none"; // the iframe: "none" | "loading" | "ready" | "refused"
  var pending = []; // messages for the iframe, sent once it is ready
  var focusWanted = false; // the visitor opened the panel, so focus belongs inside it
  var graceTimer = 0;
  var timeoutTimer = 0;

  function remember(open) {
    try { sessionStorage.setItem(STORE_KEY, open ? "1" : "0"); } catch (e) { /* storage disabled */ }
  }

  function wasOpen() {
    try { return sessionStorage.getItem(STORE_KEY) === "1"; } catch (e) { return false; }
  }

  function showLauncher(open) {
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    launcher.setAttribute("aria-label", (open ? "Close chat: " : "Open chat: ") + config.title);
    path.setAttribute("d", open ? ICON_CLOSE : ICON_CHAT);
    root.classList.toggle("open", open);
  }

  function post(message) {
    if (frameState === "ready" && frame && frame.contentWindow) {
      frame.contentWindow.postMessage(message, SERVER);
    } else {
      pending.push(message);
    }
  }

  function refused() {
    if (frameState === "ready") return;
    frameState = "refused";
    panel.setAttribute("data-state", "refused");
    if (frame) frame.remove();
    var box = document.createElement("div");
    box.className = "unavailable";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = "The chat cannot be shown on this site right now.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.addEventListener("click", function () { api.close(); });
    box.appendChild(p);
    box.appendChild(close);
    panel.appendChild(box);
    if (window.console) {
      console.warn("career-assistant widget: " + SERVER + "/embed did not load here. Is " + location.origin +
        " in the server's CAREER_ALLOWED_ORIGINS?");
    }
    if (state === "open") close.focus();
  }

  function createFrame() {
    frameState = "loading";
    panel.setAttribute("data-state", "loading");
    var params = new URLSearchParams();
    params.set("parent", location.origin);
    params.set("title", config.title);
    params.set("accent", config.accent);
    if (config.greeting) params.set("greeting", config.greeting);
    if (config.examples.length) params.set("examples", JSON.stringify(config.examples));
    frame = document.createElement("iframe");
    frame.title = config.title;
    frame.src = SERVER + "/embed#" + params.toString();
    frame.setAttribute("allow", "clipboard-write");
    frame.addEventListener("load", function () {
      clearTimeout(graceTimer);
      graceTimer = setTimeout(refused, READY_GRACE_MS); // a refused frame loads an error page, never "ready"
    });
    timeoutTimer = setTimeout(refused, READY_TIMEOUT_MS);
    panel.appendChild(frame);
  }

  function onReady() {
    clearTimeout(graceTimer);
    clearTimeout(timeoutTimer);
    frameState = "ready";
    panel.setAttribute("data-state", "ready");
    if (state === "open" && focusWanted) frame.focus();
    var queued = pending;
    pending = [];
    queued.forEach(post);
  }

  function open(moveFocus) {
    if (state !== "open") {
      state = "open";
      panel.hidden = false;
      showLauncher(true);
      remember(true);
      if (frameState === "none") createFrame();
    }
    focusWanted = !!moveFocus;
    if (!moveFocus) return;
    if (frameState === "refused") {
      var button = panel.querySelector(".unavailable button");
      if (button) button.focus();
      return;
    }
    if (frame) frame.focus();
    post({ careerWidget: "focus" }); // the iframe focuses its question box (once ready)
  }

  var api = {
    open: function () { open(true); },
    close: function () {
      if (state !== "open") return;
      state = "closed";
      focusWanted = false;
      panel.hidden = true;
      showLauncher(false);
      remember(false);
      launcher.focus();
    },
    toggle: function () {
      if (state === "open") api.close(); else api.open();
    },
    ask: function (question) {
      question = String(question || "").trim();
      if (!question) return;
      open(true);
      post({ careerWidget: "ask", text: question.slice(0, 2000) });
    },
  };

  launcher.addEventListener("click", api.toggle);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state === "open") api.close();
  });

  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== "object" || typeof msg.careerWidget !== "string") return;
    if (event.origin === SERVER && frame && event.source === frame.contentWindow) {
      if (msg.careerWidget === "ready") onReady();
      else if (msg.careerWidget === "close") api.close();
      return;
    }
    if (event.origin === location.origin && event.source === window) { // the host page itself
      if (msg.careerWidget === "open") api.open();
      else if (msg.careerWidget === "close") api.close();
      else if (msg.careerWidget === "ask") api.ask(msg.text);
    }
  });

  showLauncher(false);
  window.CareerWidget = api;

  function mount() {
    document.body.appendChild(host);
    if (config.open || wasOpen()) open(false); // opened for the visitor, but the page keeps its focus
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
