// factdiff HTML report: severity filters, and a click on a discrepancy lines up every column.
// All data comes from the page's own attributes (data-i, data-sev, data-g, data-d); nothing is
// fetched and no story text is ever parsed as markup here (only textContent is written).
(() => {
  "use strict";
  const items = Array.from(document.querySelectorAll("#discrepancies .item"));
  const boxes = Array.from(document.querySelectorAll(".filters input[type=checkbox]"));
  const columns = Array.from(document.querySelectorAll(".column"));
  const marks = Array.from(document.querySelectorAll(".columns mark[data-d]"));
  const none = document.querySelector("#discrepancies .none");
  const severity = items.map((li) => li.dataset.sev);
  // "3o 7m": covered by listed discrepancy 3 as an outlier and 7 as a majority value.
  const covers = new Map(marks.map((m) => [m, m.dataset.d.split(" ").map((t) => ({
    item: Number(t.slice(0, -1)), role: t.endsWith("m") ? "majority" : "outlier",
  }))]));
  let current = -1;

  const shown = () => new Set(boxes.filter((b) => b.checked).map((b) => b.value));

  // The same rule as the page's initial classes: a piece of text takes the color of the first
  // (most severe) discrepancy covering it that the filters still show.
  function paint() {
    const show = shown();
    items.forEach((li) => { li.hidden = !show.has(li.dataset.sev); });
    for (const m of marks) {
      const list = covers.get(m);
      const top = list.find((c) => show.has(severity[c.item]));
      m.className = top ? `${top.role} ${severity[top.item]}` : "off";
      const mine = list.find((c) => c.item === current);
      if (mine) m.classList.add("sel", `sel-${mine.role}`);
    }
    if (none) none.hidden = items.length === 0 || items.some((li) => !li.hidden);
  }

  // Bring ``target`` to ``at`` pixels below the top of its column's text area.
  function scrollColumn(text, target, at) {
    const t = target.getBoundingClientRect();
    const c = text.getBoundingClientRect();
    text.scrollTop += t.top - c.top - at;
  }

  // Tint the group's sentences (and those holding a selected span) in every column, say what
  // each column holds, and scroll each one so its first such span or sentence sits at ``at``
  // (a third of the way down when not given); ``keep`` is a column left where it is.
  function lineUp(group, at, keep) {
    document.querySelectorAll(".columns .s.aligned").forEach((s) => s.classList.remove("aligned"));
    for (const col of columns) {
      const text = col.querySelector(".text");
      const own = Array.from(text.querySelectorAll("mark.sel"));
      const aligned = group === undefined ? [] : Array.from(text.querySelectorAll(".s"))
        .filter((s) => s.dataset.g === group);
      aligned.forEach((s) => s.classList.add("aligned"));
      own.forEach((m) => { const s = m.closest(".s"); if (s) s.classList.add("aligned"); });
      const roles = new Set(own.map((m) => (
        m.classList.contains("sel-outlier") ? "outlier" : "majority")));
      const status = col.querySelector(".status");
      let word = "not here";
      if (roles.size) word = Array.from(roles).sort().reverse().join(" + ");
      else if (aligned.length) word = "aligned";
      status.textContent = word;
      const tone = roles.has("outlier") ? "outlier" : roles.size ? "majority" : "";
      status.className = `status ${tone}`;
      col.classList.toggle("absent", !own.length && !aligned.length);
      const target = at === undefined ? own[0] || aligned[0] : aligned[0];
      if (target && col !== keep) {
        scrollColumn(text, target, at === undefined ? text.clientHeight / 3 : at);
      }
    }
  }

  function mark(i) {
    current = i;
    items.forEach((other, j) => {
      other.classList.toggle("selected", j === i);
      if (j === i) other.setAttribute("aria-current", "true");
      else other.removeAttribute("aria-current");
    });
    paint();
  }

  function select(i) {
    const li = items[i];
    if (!li) return;
    mark(i);
    lineUp(li.dataset.g);
    li.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", `#${li.id}`);
  }

  // A click on a sentence lines the other versions up beside it, where it is (like a
  // side-by-side diff); a discrepancy stays selected only if the sentence is its passage.
  function alignSentence(sentence) {
    const group = sentence.dataset.g;
    if (current >= 0 && items[current].dataset.g !== group) mark(-1);
    const text = sentence.closest(".text");
    const at = sentence.getBoundingClientRect().top - text.getBoundingClientRect().top;
    lineUp(group, at, sentence.closest(".column"));
  }

  function step(by) {
    const open = items.map((li, j) => j).filter((j) => !items[j].hidden);
    if (!open.length) return;
    const at = open.indexOf(current);
    const next = at < 0 ? open[by > 0 ? 0 : open.length - 1]
      : open[Math.min(Math.max(at + by, 0), open.length - 1)];
    select(next);
    items[next].querySelector("a").focus({ preventScroll: true });
  }

  items.forEach((li, i) => li.querySelector("a").addEventListener("click", (event) => {
    event.preventDefault();
    select(i);
  }));
  boxes.forEach((b) => b.addEventListener("change", paint));
  document.querySelector(".columns").addEventListener("click", (event) => {
    const sentence = event.target.closest(".s[data-g]");
    if (sentence && !String(window.getSelection())) alignSentence(sentence);
  });
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "j" || event.key === "ArrowDown") { event.preventDefault(); step(1); }
    if (event.key === "k" || event.key === "ArrowUp") { event.preventDefault(); step(-1); }
  });

  paint();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const start = items.findIndex((li) => li.id === wanted);
  if (start >= 0) {
    const box = boxes.find((b) => b.value === severity[start]);
    if (box && !box.checked) box.checked = true;  // a link to an info item shows the info items
    select(start);
  }
})();
