// A question's options as a real form group: a <fieldset> named by its <legend> (and described
// by its hint, when there is one), holding radio buttons (one choice) or checkboxes (any number)
// that share a name, so the browser and screen readers treat them as one control.
//
// Radio buttons: Tab reaches the group once; the arrow keys move between options and choose, as
// in any form on the web. JupyterLab listens for the arrow keys on the whole page (in command
// mode they move the cell selection), so a radio group keeps those keys to itself.
// Checkboxes: each is a Tab stop and Space ticks it.

const KEPT_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);
let groups = 0;

function render({ model, el }) {
  groups += 1;
  const name = `allyship-group-${groups}-${Math.random().toString(36).slice(2, 8)}`;
  const multiple = model.get("multiple");
  const fieldset = document.createElement("fieldset");
  fieldset.className = "allyship-group";
  const legend = document.createElement("legend");
  legend.className = "allyship-group-legend";
  const hint = document.createElement("p");
  hint.className = "allyship-group-hint";
  hint.id = `${name}-hint`;
  const list = document.createElement("div");
  list.className = "allyship-group-options";
  fieldset.append(legend, hint, list);
  el.append(fieldset);

  function inputs() {
    return [...list.querySelectorAll("input")];
  }

  function choose(event) {
    const options = model.get("options");
    if (multiple) {
      const ticked = inputs().filter((input) => input.checked);
      model.set("value", ticked.map((input) => options[Number(input.value)]));
    } else {
      model.set("value", options[Number(event.target.value)]);
    }
    model.save_changes();
  }

  function build() {
    legend.textContent = model.get("description");
    legend.classList.toggle("allyship-group-legend-unseen", !model.get("show_description"));
    hint.textContent = model.get("hint");
    hint.hidden = !hint.textContent;
    if (hint.hidden) fieldset.removeAttribute("aria-describedby");
    else fieldset.setAttribute("aria-describedby", hint.id);
    fieldset.dataset.orientation = model.get("orientation");
    list.replaceChildren(
      ...model.get("options").map((text, index) => {
        const label = document.createElement("label");
        label.className = "allyship-group-option";
        const input = document.createElement("input");
        input.type = multiple ? "checkbox" : "radio";
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
    const value = model.get("value");
    const chosen = new Set(multiple ? value : [value]);
    const options = model.get("options");
    inputs().forEach((input) => {
      input.checked = chosen.has(options[Number(input.value)]);
    });
  }

  function keep(event) {
    if (KEPT_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.stopPropagation(); // the browser still moves the choice; JupyterLab does not see it
    }
  }

  if (!multiple) fieldset.addEventListener("keydown", keep);
  const rebuilds = ["options", "description", "show_description", "hint", "orientation"].map((t) => `change:${t}`);
  rebuilds.forEach((event) => model.on(event, build));
  model.on("change:value", show);
  build();
  return () => {
    model.off("change:value", show);
    rebuilds.forEach((event) => model.off(event, build));
  };
}

export default { render };
