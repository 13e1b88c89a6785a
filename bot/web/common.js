// Shared helpers of the planqa pages. Data goes into the page through textContent only.
"use strict";

window.planqa = (function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const child of children || []) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "class") node.setAttribute("class", value);
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for" ||
               node instanceof SVGElement) node.setAttribute(key, String(value));
      else node[key] = value;
    }
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function setStatus(message, isError) {
    const status = $("status");
    if (!status) return;
    status.textContent = message || "";
    status.classList.toggle("error", Boolean(isError));
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (err) {
      throw new Error("Không kết nối được máy chủ.");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      let message = body && typeof body.detail === "string" ? body.detail : "Lỗi " + response.status;
      if (response.status === 429) {
        const wait = response.headers.get("Retry-After");
        if (wait && !(body && body.detail)) message = "Quá nhiều yêu cầu, thử lại sau " + wait + " giây.";
      }
      throw new Error(message);
    }
    return body;
  }

  function linesText(lines) {
    if (!Array.isArray(lines) || lines.length === 0) return "";
    const [a, b] = lines;
    return b && b !== a ? "dòng " + a + "–" + b : "dòng " + a;
  }

  // "#L120-L124" for a plan viewer link
  function lineAnchor(lines) {
    if (!Array.isArray(lines) || lines.length === 0) return "";
    const [a, b] = lines;
    return "#L" + a + (b && b !== a ? "-L" + b : "");
  }

  function planHref(docId, lines) {
    return "/plans/" + encodeURIComponent(docId) + lineAnchor(lines);
  }

  // "Kế hoạch số 476/QĐ-UBND" or, without a number, the plan's kind; `cited` is the API's cited_number, judged
  // where the answer is made (a draft's blank "/KH-UBND" has none), so the page never re-reads the number's text
  function planNumberText(kind, cited) {
    const k = kind || "Kế hoạch";
    return cited ? k + " số " + cited : k + " (chưa ghi số)";
  }

  function shorten(text, limit) {
    if (!text) return "";
    return text.length > limit ? text.slice(0, limit - 1).trimEnd() + "…" : text;
  }

  function fact(dl, term, value, extra) {
    if (value === null || value === undefined || value === "") return;
    const dd = el("dd", null, [value]);
    if (extra) dd.append(" ", extra);
    dl.append(el("dt", { text: term }), dd);
  }

  function targetText(t) {
    return t ? t.text : null;
  }

  return { $, el, svg, setStatus, api, linesText, lineAnchor, planHref, planNumberText, shorten,
           fact, targetText };
})();
