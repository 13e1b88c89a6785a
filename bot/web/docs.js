// Offline API reference rendered from /openapi.json (Swagger UI would need a CDN).
"use strict";

(function () {
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function refName(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.type === "array") return refName(schema.items) + "[]";
    if (schema.anyOf) return schema.anyOf.map(refName).join(" | ");
    return schema.type || "";
  }

  function describeFields(schema, components) {
    const dl = el("dl", "facts");
    const resolved = schema && schema.$ref ? components[refName(schema)] : schema;
    if (!resolved || !resolved.properties) return null;
    const required = new Set(resolved.required || []);
    for (const [name, prop] of Object.entries(resolved.properties)) {
      const bits = [refName(prop) || "any"];
      if (required.has(name)) bits.push("bắt buộc");
      for (const key of ["minLength", "maxLength", "minimum", "maximum", "default"]) {
        if (prop[key] !== undefined) bits.push(key + "=" + JSON.stringify(prop[key]));
      }
      if (prop.description) bits.push("— " + prop.description);
      dl.append(el("dt", null, name), el("dd", null, bits.join(", ")));
    }
    return dl;
  }

  function render(spec) {
    const root = document.getElementById("operations");
    const components = (spec.components && spec.components.schemas) || {};
    const intro = el("section");
    intro.append(el("h2", null, spec.info.title + " " + spec.info.version));
    intro.append(el("p", null, spec.info.description || ""));
    root.append(intro);
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const box = el("section");
        box.append(el("h2", null, method.toUpperCase() + " " + path));
        if (op.summary) box.append(el("p", null, op.summary));
        for (const p of op.parameters || []) {
          box.append(el("p", "meta", "Tham số " + p.in + ": " + p.name + " (" + refName(p.schema) + ")"));
        }
        const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
        if (body) {
          box.append(el("h3", null, "Nội dung yêu cầu (JSON): " + refName(body.schema)));
          const fields = describeFields(body.schema, components);
          if (fields) box.append(fields);
        }
        box.append(el("h3", null, "Phản hồi"));
        const dl = el("dl", "facts");
        for (const [code, resp] of Object.entries(op.responses || {})) {
          const content = resp.content && resp.content["application/json"];
          const schema = content ? " → " + refName(content.schema) : "";
          dl.append(el("dt", null, code), el("dd", null, (resp.description || "") + schema));
        }
        box.append(dl);
        root.append(box);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const status = document.getElementById("status");
    try {
      const response = await fetch("/openapi.json");
      render(await response.json());
    } catch (err) {
      status.textContent = "Không tải được /openapi.json.";
      status.classList.add("error");
    }
  });
})();
