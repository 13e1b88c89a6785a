// Admin: upload one plan file; the server reads and indexes it in the background and this page
// follows its stages (reading, indexing, loading) until the new plan answers.
"use strict";

(function () {
  const { $, el, setStatus, api, planHref, planNumberText } = window.planqa;
  const POLL_MS = 400;

  function authHeaders() {
    return { Authorization: "Bearer " + $("token").value.trim() };
  }

  async function loadPlans() {
    try {
      const docs = await api("/documents");
      $("plan-count").textContent = "(" + docs.length + ")";
      $("plan-list").replaceChildren(...docs.map((d) => el("li", null, [
        el("div", { class: "plan-title" }, [el("a", { href: planHref(d.id), text: d.title || d.source })]),
        el("div", { class: "meta", text: [d.locality && d.locality.label, planNumberText(d.kind, d.cited_number),
                                          d.clause_count + " điều khoản"].filter(Boolean).join(" · ") }),
      ])));
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  function show(job) {
    $("progress-box").hidden = false;
    $("progress").max = job.steps;
    $("progress").value = job.step;
    $("progress-label").textContent = "Tiến độ: bước " + job.step + "/" + job.steps;
    setStatus(job.message, job.stage === "failed");
  }

  async function follow(job) {
    while (job.stage !== "done" && job.stage !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api("/admin/plans/jobs/" + encodeURIComponent(job.id), { headers: authHeaders() });
      show(job);
    }
    return job;
  }

  async function upload(event) {
    event.preventDefault();
    const file = $("plan-file").files[0];
    if (!file) {
      setStatus("Chọn một tệp kế hoạch.", true);
      return;
    }
    const button = $("upload-button");
    button.disabled = true;
    $("done-links").hidden = true;
    try {
      let job = await api("/admin/plans?name=" + encodeURIComponent(file.name), {
        method: "POST",
        headers: Object.assign({ "Content-Type": "application/octet-stream" }, authHeaders()),
        body: file,
      });
      show(job);
      job = await follow(job);
      if (job.stage === "done") {
        $("done-links").replaceChildren(
          el("a", { href: planHref(job.doc_id), text: "Mở kế hoạch vừa thêm" }), " · ",
          el("a", { href: "/tasks?doc_id=" + encodeURIComponent(job.doc_id), text: "Nhiệm vụ và chỉ tiêu" }), " · ",
          el("a", { href: "/", text: "Đặt câu hỏi" }));
        $("done-links").hidden = false;
        $("progress-box").hidden = true;
        loadPlans();
      }
    } catch (err) {
      $("progress-box").hidden = true;
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const saved = sessionStorage.getItem("planqa-admin-token");
    if (saved) $("token").value = saved;
    $("token").addEventListener("change", () => sessionStorage.setItem("planqa-admin-token", $("token").value.trim()));
    $("upload-form").addEventListener("submit", upload);
    loadPlans();
  });
})();
