// The hand-in controls of the browser edition (handin.py makes and reads the files). Every
// sentence comes from the Python side (strings.py); nothing is fetched from outside the site.

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(data) {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// The module's notebook as the site serves it: the in-browser Python reads its own copy when
// the browser keeps files, and this one when it cannot.
async function servedNotebook(path) {
  try {
    const config = JSON.parse(document.getElementById("jupyter-config-data")?.textContent || "{}");
    const base = new URL(config.baseUrl || "../", document.baseURI);
    const response = await fetch(new URL("files/" + path, base));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

function render({ model, el: root }) {
  const T = model.get("texts");
  const id = "allyship-handin-" + Math.random().toString(36).slice(2);
  const status = el("div", { className: "allyship-status", role: "status" });
  status.setAttribute("aria-live", "polite");
  const showStatus = () => {
    status.textContent = model.get("status");
    status.className = "allyship-status allyship-" + model.get("status_kind");
  };

  const name = el("input", { type: "text", id, value: model.get("learner") });
  name.setAttribute("autocomplete", "name");
  name.setAttribute("aria-describedby", id + "-hint");
  name.addEventListener("change", () => {
    model.set("learner", name.value);
    model.save_changes();
  });

  const download = el("button", { type: "button", className: "allyship-download" }, [
    T.download,
  ]);
  download.addEventListener("click", async () => {
    status.textContent = T.preparing;
    const notebook = await servedNotebook(model.get("notebook_path"));
    model.send({ event: "download", learner: name.value, notebook });
  });

  const picker = el("input", { type: "file", accept: ".zip,application/zip", hidden: true });
  const load = el("button", { type: "button", className: "allyship-load" }, [T.load]);
  load.setAttribute("aria-describedby", id + "-load-hint");
  load.addEventListener("click", () => picker.click());
  picker.addEventListener("change", async () => {
    const file = picker.files && picker.files[0];
    if (!file) return;
    const data = toBase64(await file.arrayBuffer());
    model.send({ event: "load", name: file.name, data });
    picker.value = "";
  });

  model.on("msg:custom", (msg) => {
    if (msg.kind !== "file") return;
    const url = URL.createObjectURL(new Blob([fromBase64(msg.data)], { type: "application/zip" }));
    const link = el("a", { href: url, download: msg.name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
  model.on("change:status", showStatus);
  model.on("change:status_kind", showStatus);

  const note = model.get("note");
  root.classList.add("allyship-handin");
  root.append(
    el("h3", {}, [T.title]),
    ...(note ? [el("p", { className: "allyship-error", role: "note" }, [note])] : []),
    el("p", {}, [T.intro]),
    el("label", { htmlFor: id }, [T.name]),
    name,
    el("p", { id: id + "-hint", className: "allyship-hint" }, [T.name_hint]),
    el("p", {}, [download]),
    el("p", {}, [load]),
    el("p", { id: id + "-load-hint", className: "allyship-hint" }, [T.load_hint]),
    picker,
    status,
  );
  showStatus();
}

export default { render };
