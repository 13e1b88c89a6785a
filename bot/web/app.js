// planqa web page: asks /ask, shows one answer card per plan, browses plan outlines.
// Every piece of data goes into the page through textContent, never parsed as HTML (common.js).
"use strict";

(function () {
  const { $, el, setStatus, api, linesText, planHref, planNumberText, shorten, fact, targetText } =
    window.planqa;

  function lastSection(section) {
    if (!section) return "";
    const parts = section.split(" › ");
    return parts[parts.length - 1];
  }

  // Locality, plan (by number, else a short title), section, lines: never a file name
  function chipText(c) {
    const parts = [];
    if (c.locality) parts.push(c.locality);
    parts.push(c.cited_number ? planNumberText(c.kind, c.cited_number) : shorten(c.document || c.source, 48));
    const sec = lastSection(c.section);
    if (sec) parts.push(shorten(sec, 40));
    const lines = linesText(c.lines);
    if (lines) parts.push(lines);
    if (c.page) parts.push("tr. " + c.page);
    return parts.join(" · ");
  }

  function citationTitle(c) {
    const parts = [c.document || c.source, planNumberText(c.kind, c.cited_number)];
    if (c.section) parts.push(c.section);
    if (c.locator) parts.push(c.locator);
    return parts.join("\n");
  }

  function leadSourceLink(result) {
    const src = result.lead_source;
    if (!src) return null;
    if (src.lines && src.clause_id) {
      return el("a", { href: planHref(result.citation.doc_id, src.lines), class: "source-link",
                       text: src.mechanism + " (" + linesText(src.lines) + ")",
                       title: src.excerpt || "" });
    }
    return el("span", { text: src.mechanism });
  }

  // Where the deadline was read: a link to that clause when it is another one, else how it was read
  function deadlineSourceLink(result) {
    const src = result.deadline_source;
    if (!src || !result.deadline) return null;
    if (src.clause_id !== result.citation.clause_id) {
      return el("a", { href: planHref(result.citation.doc_id, src.lines), class: "source-link",
                       text: src.mechanism + " (" + linesText(src.lines) + ")" });
    }
    return el("span", { text: src.mechanism });
  }

  // One clause: its facts as labelled fields, the quoted clause, then where it is
  function renderResult(result, index) {
    const c = result.citation;
    const card = el("article", { class: "result", id: "result-" + index, "data-clause": c.clause_id,
                                 tabIndex: -1, "aria-labelledby": "result-" + index + "-where" });
    const dl = el("dl", { class: "facts" });
    fact(dl, "Chủ trì", result.lead);
    fact(dl, "Phối hợp", result.partners);
    fact(dl, "Chỉ đạo", result.directed_by);
    fact(dl, "Chỉ tiêu", targetText(result.target));
    fact(dl, "Thời hạn", result.deadline);
    fact(dl, "Sản phẩm", result.product);
    fact(dl, "Chủ trì đọc từ", leadSourceLink(result));
    fact(dl, "Thời hạn đọc từ", deadlineSourceLink(result));
    if (dl.children.length) card.append(dl);
    else card.append(el("p", { class: "meta", text: "Điều khoản này không ghi chủ trì, thời hạn hay chỉ tiêu." }));
    card.append(el("blockquote", { class: "clause-text", text: result.text }));
    const where = el("p", { class: "citation", id: "result-" + index + "-where" });
    where.append(el("a", { href: planHref(c.doc_id, c.lines), class: "open-plan",
                           text: "Mở kế hoạch tại " + linesText(c.lines) }));
    const bits = [];
    if (c.section) bits.push("Mục: " + c.section);
    if (c.label) bits.push("khoản " + c.label.trim());
    if (c.page) bits.push("trang " + c.page);
    if (bits.length) where.append(el("span", { class: "section-path", text: " — " + bits.join(" · ") }));
    card.append(where);
    return card;
  }

  // Results grouped by plan, in rank order of each plan's first result
  function renderAnswer(data) {
    const section = $("answer");
    section.hidden = false;
    section.classList.toggle("not-found", !data.found);
    const plans = new Map();
    data.results.forEach((result, i) => {
      const id = result.citation.doc_id;
      if (!plans.has(id)) plans.set(id, []);
      plans.get(id).push([result, i]);
    });
    $("answer-text").textContent = data.found
      ? (plans.size === 1 ? "Một kế hoạch nói về nội dung này:" : plans.size + " kế hoạch nói về nội dung này:")
      : (data.answer || "Không tìm thấy điều khoản phù hợp.");
    const summary = $("answer-summary");
    summary.hidden = !(data.found && data.answer);
    $("answer-plain").textContent = data.found ? data.answer || "" : "";
    const chips = $("chips");
    const results = $("results");
    chips.replaceChildren();
    results.replaceChildren();
    $("results-title").textContent = data.found ? "Theo từng kế hoạch" : "Các điều khoản gần nhất (không trả lời câu hỏi)";
    $("results-title").hidden = data.results.length === 0;
    data.results.forEach((result, i) => {
      const chip = el("button", { type: "button", class: "chip", text: chipText(result.citation),
                                  title: citationTitle(result.citation) });
      chip.addEventListener("click", () => {
        const target = $("result-" + i);
        target.classList.add("flash");
        target.scrollIntoView({ behavior: "smooth", block: "nearest" });
        target.focus({ preventScroll: true });
        setTimeout(() => target.classList.remove("flash"), 1500);
      });
      chips.append(chip);
    });
    for (const [docId, items] of plans) {
      const c = items[0][0].citation;
      const head = el("header", { class: "plan-head" }, [
        c.locality ? el("span", { class: "locality", text: c.locality }) : null,
        el("h4", { class: "plan-name" }, [el("a", { href: planHref(docId), text: c.document || c.source })]),
        el("span", { class: "meta", text: planNumberText(c.kind, c.cited_number) }),
      ]);
      const list = el("div", { class: "plan-results" }, items.map(([r, i]) => renderResult(r, i)));
      results.append(el("li", { class: "plan-card", "data-doc": docId }, [head, list]));
    }
  }

  async function ask(question) {
    const button = $("ask-button");
    const locality = $("locality").value || null;
    const topK = parseInt($("top-k").value, 10) || 5;
    button.disabled = true;
    setStatus("Đang tìm…");
    try {
      const data = await api("/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question, top_k: topK, locality: locality }),
      });
      renderAnswer(data);
      setStatus(data.found ? "Tìm thấy " + data.results.length + " điều khoản." : "Không có điều khoản phù hợp.");
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function documentLabel(d) {
    return d.title || d.source;
  }

  function documentMeta(d) {
    const parts = [];
    if (d.locality && d.locality.label) parts.push(d.locality.label);
    parts.push(planNumberText(d.kind, d.cited_number));
    if (d.date) parts.push(d.date);
    parts.push(d.clause_count + " điều khoản");
    return parts.join(" · ");
  }

  async function openOutline(docId) {
    setStatus("Đang mở mục lục…");
    try {
      const outline = await api("/documents/" + encodeURIComponent(docId));
      const box = $("outline");
      $("outline-title").textContent = documentLabel(outline.document);
      $("outline-meta").textContent = documentMeta(outline.document) +
        (outline.document.issuer ? " · " + outline.document.issuer : "");
      const list = $("outline-sections");
      list.replaceChildren();
      for (const s of outline.sections) {
        const item = el("li", { class: "depth-" + Math.min(s.depth, 4), "data-clause": s.clause_id });
        item.style.paddingLeft = Math.min(s.depth, 6) * 1.1 + "rem";
        item.append(el("a", { class: "sec-title", href: planHref(docId, s.lines), text: s.title }));
        const meta = el("span", { class: "summary-meta" });
        if (s.lead) meta.append(el("span", { class: "badge", text: "Chủ trì: " + s.lead }));
        if (s.partners) meta.append(el("span", { class: "meta", text: "Phối hợp: " + s.partners }));
        if (s.directed_by) meta.append(el("span", { class: "meta", text: "Chỉ đạo: " + s.directed_by }));
        meta.append(el("span", { class: "meta", text: linesText(s.lines) }));
        item.append(meta);
        list.append(item);
      }
      if (outline.sections.length === 0) list.append(el("li", { text: "Kế hoạch này không có mục nào." }));
      box.hidden = false;
      box.scrollIntoView({ behavior: "smooth", block: "start" });
      setStatus("");
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function loadDocuments() {
    try {
      const docs = await api("/documents");
      const select = $("locality");
      const seen = new Set();
      const list = $("plan-list");
      list.replaceChildren();
      for (const d of docs) {
        const label = d.locality && d.locality.label;
        if (label && !seen.has(label)) {
          seen.add(label);
          select.append(el("option", { value: label, text: label }));
        }
        const open = el("button", { type: "button", class: "link-button", text: "Xem mục lục",
                                    "data-doc": d.id });
        open.addEventListener("click", () => openOutline(d.id));
        list.append(el("li", null, [
          el("div", { class: "plan-title" }, [el("a", { href: planHref(d.id), text: documentLabel(d) })]),
          el("div", { class: "meta", text: documentMeta(d) }),
          open,
          el("a", { class: "plan-tasks", href: "/tasks?doc_id=" + encodeURIComponent(d.id),
                    text: "Nhiệm vụ và chỉ tiêu" }),
        ]));
      }
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function loadHealth() {
    try {
      const h = await api("/health");
      $("health").textContent = h.document_count + " kế hoạch, " + h.clause_count + " điều khoản";
    } catch (err) {
      $("health").textContent = "";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("ask-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const question = $("question").value.trim();
      if (!question) {
        setStatus("Vui lòng nhập câu hỏi.", true);
        return;
      }
      ask(question);
    });
    for (const button of document.querySelectorAll(".example")) {
      button.addEventListener("click", () => {
        $("question").value = button.textContent;
        ask(button.textContent);
      });
    }
    loadDocuments();
    loadHealth();
  });
})();
