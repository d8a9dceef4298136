/*
 * The chat page inside the widget's iframe (/embed). Streams answers from /api/chat/stream (SSE over
 * fetch), renders [n] citations as buttons that reveal source n, keeps the conversation in
 * sessionStorage so it survives a reload, and sends thumbs to /api/feedback.
 *
 * All user and corpus text is data: the DOM is built with createElement/textContent only.
 * Options come in the URL fragment from widget.js: parent (the host page's origin), title, accent,
 * greeting, examples (JSON list). Messages are accepted only from that parent origin (and only from
 * the parent window), and posted only to it.
 */
(function () {
  "use strict";

  var MAX_CHARS = 2000;
  var HISTORY_MESSAGES = 12; // sent with each question; the server only needs the recent user turns
  var KEPT_MESSAGES = 60; // stored in sessionStorage
  var REQUEST_TIMEOUT_MS = 60000;

  var params = new URLSearchParams(location.hash.slice(1));

  function clean(value, max) {
    return String(value || "").replace(/\s+/g, " ").trim().slice(0, max);
  }

  function parentOrigin() {
    if (window.parent === window) return null; // opened directly, not framed
    var claimed = params.get("parent") || "";
    if (!/^https?:\/\/[^\/\s]+$/.test(claimed)) return null;
    var ancestors = location.ancestorOrigins; // Chromium, Safari: the real framing origins
    if (ancestors && ancestors.length && ancestors[0] !== claimed) return null;
    return claimed;
  }

  var PARENT = parentOrigin();
  var STORE_KEY = "career-embed:conversation:" + (PARENT || location.origin);

  var title = clean(params.get("title"), 80) || "Career questions";
  var greeting = clean(params.get("greeting"), 500) ||
    "Ask me about careers in software, data, machine learning or DevOps. Every answer cites the articles it comes from.";
  var examples = [];
  try {
    var parsed = JSON.parse(params.get("examples") || "[]");
    if (Array.isArray(parsed)) examples = parsed.map(function (q) { return clean(q, 200); }).filter(Boolean).slice(0, 5);
  } catch (e) { /* ignore malformed examples */ }
  if (!examples.length) {
    examples = ["What does a machine learning engineer do?", "Which tools do DevOps engineers use?"];
  }
  var accent = String(params.get("accent") || "");
  if (/^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([0-9.,%\s/]+\)|[a-z]{3,20})$/i.test(accent) && CSS.supports("color", accent)) {
    document.documentElement.style.setProperty("--accent", accent);
  }

  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var send = document.getElementById("send");
  var closeButton = document.getElementById("close");
  document.getElementById("chat-title").textContent = title;
  document.title = title;

  var messages = load();
  var busy = false;

  // ------------------------------------------------------------ storage

  function load() {
    try {
      var items = JSON.parse(sessionStorage.getItem(STORE_KEY) || "[]");
      return Array.isArray(items) ? items.filter(function (m) {
        return m && (m.role === "user" || m.role === "assistant") && typeof m.content === "string";
      }) : [];
    } catch (e) {
      return [];
    }
  }

  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(messages.slice(-KEPT_MESSAGES)));
    } catch (e) { /* storage full or disabled: the conversation just won't survive a reload */ }
  }

  // ------------------------------------------------------------ rendering (textContent only)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function httpUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function showSource(bubble, n) {
    var target = bubble.querySelector('[data-source="' + n + '"]');
    if (!target) return;
    Array.prototype.forEach.call(log.querySelectorAll(".source.highlight"), function (s) { s.classList.remove("highlight"); });
    target.classList.add("highlight");
    var details = target.querySelector("details");
    if (details) details.open = true;
    target.scrollIntoView({ block: "nearest", behavior: "smooth" });
    target.focus({ preventScroll: true });
  }

  // Text with each http(s) address it quotes as a link showing that address, opened in a new tab.
  function appendText(node, text) {
    var pattern = /https?:\/\/[A-Za-z0-9\-._~:\/?#@!$&*+,;=%]+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var address = match[0].replace(/[.,;:!?]+$/, "");
      var href = httpUrl(address);
      if (!href) continue;
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = el("a", "link", address);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer nofollow";
      node.appendChild(link);
      last = match.index + address.length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  // The answer text with each valid [n] as a button; [n] beyond the sources stays plain text.
  function renderAnswer(node, bubble, text, sources) {
    node.textContent = "";
    var pattern = /\[(\d{1,2})\]/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var n = Number(match[1]);
      if (sources && (n < 1 || n > sources.length)) continue;
      appendText(node, text.slice(last, match.index));
      var cite = el("button", "cite", "[" + n + "]");
      cite.type = "button";
      cite.setAttribute("data-cite", String(n));
      var source = sources && sources[n - 1];
      cite.setAttribute("aria-label", "Source " + n + (source ? ": " + source.title : ""));
      cite.addEventListener("click", showSource.bind(null, bubble, n));
      node.appendChild(cite);
      last = match.index + match[0].length;
    }
    appendText(node, text.slice(last));
  }

  function renderSources(bubble, sources) {
    var box = el("div", "sources");
    box.appendChild(el("h2", "", "Sources"));
    var list = el("ol");
    sources.forEach(function (source, i) {
      var n = i + 1;
      var item = el("li", "source");
      item.setAttribute("data-source", String(n));
      item.tabIndex = -1;
      item.appendChild(el("span", "num", "[" + n + "]"));
      var url = httpUrl(source.source);
      if (url) {
        var link = el("a", "title", String(source.title || url));
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.appendChild(link);
      } else {
        item.appendChild(el("span", "title", String(source.title || "")));
      }
      if (source.heading) item.appendChild(el("span", "heading", " › " + source.heading));
      if (!url && source.source) item.appendChild(el("span", "where", String(source.source)));
      var details = el("details");
      details.appendChild(el("summary", "", "Passage"));
      details.appendChild(el("blockquote", "", String(source.text || "")));
      // A section's opening that announces a list carries the headings of its subsections: what an answer quoting it lists.
      if (Array.isArray(source.outline) && source.outline.length) {
        details.appendChild(el("p", "outline", "Its subsections: " + source.outline.map(String).join("; ")));
      }
      item.appendChild(details);
      list.appendChild(item);
    });
    box.appendChild(list);
    bubble.appendChild(box);
  }

  function renderFeedback(bubble, message, index) {
    var bar = el("div", "feedback");
    bar.appendChild(el("span", "", "Helpful?"));
    var status = el("span", "status");
    status.setAttribute("role", "status");
    [["up", "Yes", "Helpful"], ["down", "No", "Not helpful"]].forEach(function (choice) {
      var button = el("button", "", choice[1]);
      button.type = "button";
      button.setAttribute("aria-label", choice[2]);
      button.setAttribute("aria-pressed", message.rating === choice[0] ? "true" : "false");
      button.addEventListener("click", function () { rate(message, index, choice[0], bar, status); });
      bar.appendChild(button);
    });
    if (message.rating) status.textContent = "Thanks for the feedback.";
    bar.appendChild(status);
    bubble.appendChild(bar);
  }

  function renderMessage(message, index) {
    var bubble = el("div", "msg " + message.role);
    if (message.role === "user") {
      bubble.textContent = message.content;
    } else {
      var answer = el("p", "answer");
      bubble.appendChild(answer);
      var sources = message.sources || [];
      renderAnswer(answer, bubble, message.content, message.done ? sources : null);
      if (message.done && sources.length) renderSources(bubble, sources);
      if (message.done && index !== undefined) renderFeedback(bubble, message, index);
    }
    log.appendChild(bubble);
    return bubble;
  }

  function renderWelcome() {
    var bubble = el("div", "msg greeting");
    bubble.appendChild(el("p", "answer", greeting));
    var list = el("div", "examples");
    examples.forEach(function (question) {
      var button = el("button", "", question);
      button.type = "button";
      button.addEventListener("click", function () { ask(question); });
      list.appendChild(button);
    });
    bubble.appendChild(list);
    log.appendChild(bubble);
  }

  function renderAll() {
    log.textContent = "";
    renderWelcome();
    messages.forEach(function (m, i) { renderMessage(m, i); });
    log.scrollTop = log.scrollHeight;
  }

  function showError(text) {
    var bubble = el("div", "msg error", text);
    bubble.setAttribute("role", "alert");
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  // ------------------------------------------------------------ talking to the API

  function errorText(status, body, headers) {
    if (status === 429) {
      var wait = Number(headers.get("Retry-After")) || 0;
      return "Too many questions in a short time. Please try again" + (wait ? " in " + wait + " s." : " shortly.");
    }
    return (body && typeof body.error === "string" ? body.error : "The assistant could not answer (HTTP " + status + ").");
  }

  // Parse Server-Sent Events from the fetch body; calls onEvent(name, data) for each event.
  async function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
      var end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        var block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        var name = "message";
        var data = [];
        block.split("\n").forEach(function (line) {
          if (line.indexOf("event:") === 0) name = line.slice(6).trim();
          else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
        });
        if (onEvent(name, data.length ? JSON.parse(data.join("\n")) : {}) === false) return;
      }
    }
  }

  async function ask(question) {
    question = String(question || "").trim();
    if (!question || busy) return;
    if (question.length > MAX_CHARS) {
      showError("Please keep questions under " + MAX_CHARS + " characters.");
      return;
    }
    var history = messages.slice(-HISTORY_MESSAGES).map(function (m) {
      return { role: m.role, content: m.role === "user" ? m.content : m.content.slice(0, 300) };
    });
    messages.push({ role: "user", content: question });
    save();
    renderMessage(messages[messages.length - 1]);
    input.value = "";
    setBusy(true);

    var reply = { role: "assistant", content: "", sources: [], done: false };
    var bubble = renderMessage(reply);
    bubble.setAttribute("aria-busy", "true");
    var answer = bubble.querySelector(".answer");
    log.scrollTop = log.scrollHeight;
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    try {
      var response = await fetch("/api/chat/stream", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: question, history: history }),
        signal: controller.signal,
      });
      if (!response.ok) {
        var body = await response.json().catch(function () { return null; });
        throw new Error(errorText(response.status, body, response.headers));
      }
      var finished = false;
      await readEvents(response, function (name, data) {
        if (name === "delta") {
          reply.content += String(data.text || "");
          renderAnswer(answer, bubble, reply.content, null);
          log.scrollTop = log.scrollHeight;
        } else if (name === "sources") {
          reply.sources = Array.isArray(data.sources) ? data.sources : [];
          reply.abstained = !!data.abstained;
        } else if (name === "error") {
          throw new Error(String(data.error || "answering failed"));
        } else if (name === "done") {
          finished = true;
          return false;
        }
      });
      if (!finished) throw new Error("The answer was cut off. Please try again.");
      reply.done = true;
      messages.push(reply);
      save();
      bubble.remove();
      renderMessage(reply, messages.length - 1);
    } catch (error) {
      bubble.remove();
      showError(error && error.name === "AbortError" ? "The assistant took too long to answer." :
        String((error && error.message) || "The assistant could not be reached."));
    } finally {
      clearTimeout(timer);
      setBusy(false);
      log.scrollTop = log.scrollHeight;
    }
  }

  function rate(message, index, rating, bar, status) {
    var question = "";
    for (var i = index - 1; i >= 0; i--) {
      if (messages[i].role === "user") { question = messages[i].content; break; }
    }
    fetch("/api/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        rating: rating, question: question, answer: message.content, channel: "widget",
        source_ids: (message.sources || []).map(function (s) { return String(s.id); }),
      }),
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      message.rating = rating;
      save();
      Array.prototype.forEach.call(bar.querySelectorAll("button"), function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("aria-label") === (rating === "up" ? "Helpful" : "Not helpful") ? "true" : "false");
      });
      status.textContent = "Thanks for the feedback.";
    }).catch(function () {
      status.textContent = "Feedback could not be sent.";
    });
  }

  function setBusy(value) {
    busy = value;
    send.disabled = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
  }

  // ------------------------------------------------------------ wiring

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(input.value);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(input.value);
    }
  });

  document.getElementById("new-chat").addEventListener("click", function () {
    messages = [];
    save();
    renderAll();
    input.focus();
  });

  function toParent(message) {
    if (PARENT) window.parent.postMessage(message, PARENT);
  }

  if (PARENT) {
    closeButton.hidden = false;
    closeButton.addEventListener("click", function () { toParent({ careerWidget: "close" }); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") toParent({ careerWidget: "close" });
    });
    window.addEventListener("message", function (event) {
      if (event.origin !== PARENT || event.source !== window.parent) return;
      var msg = event.data;
      if (!msg || typeof msg !== "object") return;
      if (msg.careerWidget === "focus") input.focus();
      else if (msg.careerWidget === "ask" && typeof msg.text === "string") ask(msg.text);
    });
  }

  renderAll();
  toParent({ careerWidget: "ready" });
})();
