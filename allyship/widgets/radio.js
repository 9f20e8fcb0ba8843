// One question's options as a real radio group: a <fieldset> named by its <legend> (and
// described by its hint, when there is one), and radio
// buttons that share a name, so the browser treats them as one control. Tab reaches the group
// once; the arrow keys move between options and choose, as in any form on the web.
//
// JupyterLab listens for the arrow keys on the whole page (in command mode they move the cell
// selection). The group keeps those keys to itself, so they move between options instead.

const KEPT_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);
let groups = 0;

function render({ model, el }) {
  groups += 1;
  const name = `allyship-radio-${groups}-${Math.random().toString(36).slice(2, 8)}`;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "allyship-radio-group";
  const legend = document.createElement("legend");
  legend.className = "allyship-radio-legend";
  const hint = document.createElement("p");
  hint.className = "allyship-radio-hint";
  hint.id = `${name}-hint`;
  const list = document.createElement("div");
  list.className = "allyship-radio-options";
  fieldset.append(legend, hint, list);
  el.append(fieldset);

  function choose(event) {
    const options = model.get("options");
    model.set("value", options[Number(event.target.value)]);
    model.save_changes();
  }

  function build() {
    legend.textContent = model.get("description");
    hint.textContent = model.get("hint");
    hint.hidden = !hint.textContent;
    if (hint.hidden) fieldset.removeAttribute("aria-describedby");
    else fieldset.setAttribute("aria-describedby", hint.id);
    fieldset.dataset.orientation = model.get("orientation");
    list.replaceChildren(
      ...model.get("options").map((text, index) => {
        const label = document.createElement("label");
        label.className = "allyship-radio-option";
        const input = document.createElement("input");
        input.type = "radio";
        input.name = name;
        input.value = String(index);
        input.addEventListener("change", choose);
        const words = document.createElement("span");
        words.textContent = text;
        label.append(input, words);
        return label;
      }),
    );
    show();
  }

  function show() {
    const chosen = model.get("options").indexOf(model.get("value"));
    list.querySelectorAll("input").forEach((input, index) => {
      input.checked = index === chosen;
    });
  }

  function keep(event) {
    if (KEPT_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.stopPropagation(); // the browser still moves the choice; JupyterLab does not see it
    }
  }

  fieldset.addEventListener("keydown", keep);
  model.on("change:value", show);
  model.on("change:options", build);
  const rebuilds = ["options", "description", "hint", "orientation"].map((t) => `change:${t}`);
  rebuilds.forEach((event) => model.on(event, build));
  build();
  return () => {
    model.off("change:value", show);
    rebuilds.forEach((event) => model.off(event, build));
  };
}

export default { render };
