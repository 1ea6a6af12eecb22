// The page of `rehearse serve`. It uses only the JSON API (docs/web.md); every text from the
// server is put in with textContent, except the feedback section, which the server escapes.
"use strict";

const main = document.getElementById("main");
const statusLine = document.getElementById("status");
// A name for this tab, so that two tabs never answer one interview at once. It lives in
// sessionStorage, so a reload keeps it; a duplicated tab starts with a copy, and the tab it was
// copied from says so over a BroadcastChannel, so the copy takes a name of its own.
function randomName() {
  const bytes = new Uint8Array(12); crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}
let tab = sessionStorage.getItem("rehearse-tab") || randomName();
sessionStorage.setItem("rehearse-tab", tab);
const thisPage = randomName();
const tabsChannel = "BroadcastChannel" in window ? new BroadcastChannel("rehearse-tabs") : null;
if (tabsChannel) {
  tabsChannel.onmessage = ({ data }) => {
    if (data.type === "who" && data.tab === tab && data.page !== thisPage) tabsChannel.postMessage({ type: "mine", tab, to: data.page });
    if (data.type === "mine" && data.to === thisPage) { tab = randomName(); sessionStorage.setItem("rehearse-tab", tab); }
  };
  tabsChannel.postMessage({ type: "who", tab, page: thisPage });
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function say(text) { statusLine.textContent = text || ""; }

class APIError extends Error {
  constructor(status, body) { super(body.error || `The server answered ${status}.`); this.status = status; this.body = body; }
}

async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin", cache: "no-store",
    });
  } catch (error) {
    throw new APIError(0, { error: "The connection to Rehearse was lost. Your answer is still in the box; check that `rehearse serve` is running, then send it again." });
  }
  const text = await response.text();
  let data = {};
  try { data = text ? JSON.parse(text) : {}; } catch { data = { error: text }; }
  if (!response.ok) throw new APIError(response.status, data);
  return data;
}

function show(...nodes) {
  main.replaceChildren(...nodes);
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

// MARK: Home

async function home() {
  document.title = "Rehearse";
  say("Loading…");
  const [scenarios, unfinished] = await Promise.all([api("GET", "/api/scenarios"), api("GET", "/api/interviews")]);
  say("");
  const nodes = [el("h1", { text: "Practise an interview" })];
  const waiting = [
    ...unfinished.open.map(item => ({ title: item.title, detail: `open · ${item.answered} answer${item.answered === 1 ? "" : "s"} so far`, go: () => claim(item.id) })),
    ...unfinished.stopped.map(item => ({ title: item.title, detail: `stopped ${new Date(item.started).toLocaleString()} · ${item.answers} answer${item.answers === 1 ? "" : "s"}`, go: () => begin({ resume: item.name }) })),
  ];
  if (waiting.length) {
    nodes.push(el("h2", { text: "Continue where you stopped" }));
    nodes.push(el("ul", { class: "cards" }, ...waiting.slice(0, 5).map(item => el("li", { class: "card" },
      el("h3", { text: item.title }), el("p", { class: "muted", text: item.detail }),
      el("button", { class: "primary", onclick: item.go, text: "Continue" })))));
    nodes.push(el("h2", { text: "Or start a new one" }));
  }
  nodes.push(el("ul", { class: "cards" }, ...scenarios.map(scenario => el("li", { class: "card" },
    el("h3", { text: scenario.title }),
    el("p", { class: "muted", text: `${scenario.role} · ${scenario.questions} question${scenario.questions === 1 ? "" : "s"}` }),
    scenario.description ? el("p", { text: scenario.description }) : null,
    scenario.practises.length ? el("p", { text: "Practises: " + scenario.practises.join(", ") }) : null,
    el("button", { class: "primary", onclick: () => begin({ scenario: scenario.id }), "aria-label": `Start ${scenario.title}`, text: "Start" })))));
  show(...nodes);
}

async function begin(request) {
  say("Starting…");
  try {
    const reply = await api("POST", "/api/interviews", { ...request, tab });
    location.hash = `#/interview/${reply.state.id}`;
    interviewView(reply.state, reply.events);
    say("");
  } catch (error) { say(error.message); }
}

async function claim(id, takeOver = false) {
  try {
    const reply = await api("POST", `/api/interviews/${encodeURIComponent(id)}/claim`, { tab, take_over: takeOver });
    if (location.hash !== `#/interview/${id}`) location.hash = `#/interview/${id}`;
    interviewView(reply.state, []);
    say("");
  } catch (error) {
    if (error.body && error.body.held_elsewhere) return heldElsewhere(id, error.message);
    say(error.message);
  }
}

function heldElsewhere(id, message) {
  show(el("h1", { text: "Open in another tab" }), el("p", { class: "banner", text: message }),
    el("div", { class: "actions" },
      el("button", { class: "primary", onclick: () => claim(id, true), text: "Continue here" }),
      el("button", { onclick: () => { location.hash = "#/"; }, text: "Back to the start" })));
}

// MARK: The interview

let current = null;

function interviewView(state, events) {
  current = { state };
  document.title = `${state.title} — Rehearse`;
  const conversation = el("div", { class: "conversation", "aria-label": "The conversation" });
  for (const line of state.conversation) conversation.append(lineNode(line));
  const asides = el("div", { "aria-live": "polite" });
  current.conversation = conversation;
  current.asides = asides;
  const nodes = [el("h1", { text: state.title }), conversation, asides];
  if (state.over) {
    nodes.push(feedbackArea(state));
    show(...nodes);
    for (const event of events) handle(event);
    return;
  }
  // By the session's name, which stays the same when the interview is continued after a restart.
  const draftKey = `rehearse-draft-${state.name}`;
  const box = el("textarea", { id: "answer", name: "answer", "aria-describedby": "keys" });
  box.value = localStorage.getItem(draftKey) || "";
  box.addEventListener("input", () => localStorage.setItem(draftKey, box.value));
  const send = el("button", { class: "primary", type: "submit", text: "Send answer" });
  const form = el("form", { onsubmit: event => { event.preventDefault(); answer(); } },
    el("label", { for: "answer", id: "prompt-label", text: promptLabel(state) }), box,
    el("p", { class: "keys", id: "keys", text: "Enter starts a new line; Ctrl+Enter (⌘+Enter on a Mac) sends." }),
    el("div", { class: "actions" }, send,
      el("button", { type: "button", onclick: () => command("hint"), text: "Hint" }),
      el("button", { type: "button", onclick: () => command("why"), text: "Why this follow-up?" }),
      el("button", { type: "button", onclick: () => command("feedback"), text: "How is my answer?" }),
      el("button", { type: "button", onclick: () => command("repeat"), text: "Repeat" }),
      el("button", { type: "button", onclick: () => command("again"), text: "Answer again" }),
      el("button", { type: "button", onclick: () => command("skip"), text: "Skip" }),
      el("button", { type: "button", onclick: () => { if (confirm("Finish now? Every answer is saved, and you get the feedback on what you answered.")) command("quit"); }, text: "Finish" })));
  box.addEventListener("keydown", event => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); answer(); }
  });
  current.box = box; current.form = form; current.draftKey = draftKey;
  nodes.push(form);
  show(...nodes);
  for (const event of events.filter(e => !["opened", "question", "probe", "resumed"].includes(e.type))) handle(event);
  box.focus();
  conversation.lastElementChild && conversation.lastElementChild.scrollIntoView({ block: "nearest" });
}

function promptLabel(state) {
  if (!state.prompt) return "Your answer";
  return state.prompt.kind === "question" && state.prompt.number ? `Your answer to question ${state.prompt.number} of ${state.prompt.of}` : "Your answer to the follow-up";
}

function lineNode(line) {
  const node = el("div", { class: `line ${line.who}` });
  if (line.label) node.append(el("span", { class: "label", text: line.label }));
  node.append(document.createTextNode(line.text));
  return node;
}

// One request at a time from the interview: Ctrl+Enter held down, or pressed twice, sends once.
let inFlight = false;

function busy(on) {
  inFlight = on;
  if (!current || !current.form) return;
  for (const button of current.form.querySelectorAll("button")) button.disabled = on;
  current.box.setAttribute("aria-busy", on ? "true" : "false");
}

async function answer() {
  if (inFlight) return;
  const text = current.box.value;
  if (!text.trim()) { say("Type your answer first, or press Skip to move on."); return; }
  busy(true); say("Sending…");
  try {
    // The turn it answers: sent again after a lost connection, it is taken once.
    const reply = await api("POST", `/api/interviews/${current.state.id}/answer`, { tab, text, turn: current.state.turn });
    localStorage.removeItem(current.draftKey);
    apply(reply);
  } catch (error) { await failed(error, text); }
  busy(false);
}

async function command(name) {
  if (inFlight) return;
  busy(true);
  try { apply(await api("POST", `/api/interviews/${current.state.id}/command`, { tab, command: name })); } catch (error) { await failed(error); }
  busy(false);
}

async function failed(error, sent) {
  if (error.body && error.body.held_elsewhere) return heldElsewhere(current.state.id, error.message);
  if (error.body && error.body.stale) {
    // The interview moved on: the answer was taken already, or given in another window.
    const state = await api("GET", `/api/interviews/${current.state.id}`).catch(() => null);
    if (state) {
      const taken = sent !== undefined && state.conversation.some(line => line.who === "you" && line.text === sent);
      if (taken) localStorage.removeItem(current.draftKey);
      const keep = taken ? "" : current.box.value;
      interviewView(state, []);
      if (current.box) current.box.value = keep;
      say(taken ? "Your answer had already arrived; here is the next question." : error.message);
      return;
    }
  }
  say(error.message);
}

function apply(reply) {
  const moved = reply.state.conversation.length !== current.state.conversation.length || reply.state.over !== current.state.over;
  if (moved) {
    const keep = current.box ? current.box.value : "";
    interviewView(reply.state, reply.events);
    if (current.box && keep && !reply.events.some(e => ["question", "probe"].includes(e.type))) current.box.value = keep;
    if (current.box && reply.events.some(e => ["question", "probe"].includes(e.type))) current.box.value = "";
  } else {
    current.state = reply.state;
    current.asides.replaceChildren();
    for (const event of reply.events) handle(event);
  }
  say("");
}

function handle(event) {
  const aside = (...children) => current.asides.append(el("div", { class: "aside" }, ...children));
  switch (event.type) {
    case "hint": aside(document.createTextNode(event.text ? `Hint: ${event.text}` : "There is no hint for this question.")); break;
    case "repeated": aside(document.createTextNode(event.text)); break;
    case "why":
      if (!event.text) { aside(document.createTextNode("No follow-up has been asked for this question yet.")); break; }
      aside(document.createTextNode(event.text), parts(event.parts, "What your answer already had:"));
      break;
    case "progress":
      if (!event.rating) { aside(document.createTextNode("Nothing answered for this question yet.")); break; }
      aside(document.createTextNode(`So far: ${event.rating}. ${event.text}`), parts(event.parts), event.next ? el("p", { text: `Next: ${event.next}` }) : null);
      break;
    case "over_time": aside(document.createTextNode(`That took ${Math.round(event.seconds)} s; the limit is ${Math.round(event.limit)} s. It is noted in the feedback.`)); break;
    case "saved": aside(document.createTextNode("Saved. The feedback so far is next to the transcript.")); break;
    case "stopped": if (!current.state.over) aside(document.createTextNode("Stopped. Your answers are saved; continue from the start page whenever you like.")); break;
    case "history_not_recorded": aside(document.createTextNode("The practice history did not record this interview; the transcript has every answer, and the history adds it later.")); break;
    case "feedback_not_saved": aside(document.createTextNode(event.text)); break;
  }
}

function parts(list, heading) {
  if (!list || !list.length) return null;
  const mark = { present: "✓", missing: "✗", implied: "·" };
  return el("div", {}, heading ? el("p", { text: heading }) : null,
    el("ul", {}, ...list.map(part => el("li", { class: part.state, text: `${mark[part.state]} ${part.name}${part.quote ? `: “${part.quote}”` : ""}` }))));
}

function feedbackArea(state) {
  const area = el("section", { class: "feedback-area", "aria-label": "Feedback" }, el("p", { class: "muted", text: "Loading the feedback…" }));
  api("GET", `/api/interviews/${state.id}/feedback`).then(feedback => {
    const section = document.createElement("div");
    section.innerHTML = feedback.html; // escaped by the server
    area.replaceChildren(section, el("div", { class: "actions" },
      el("a", { href: `/replay/${encodeURIComponent(state.name)}`, target: "_blank", rel: "noopener", text: "Open the transcript" }),
      el("a", { href: "#/", text: "Practise again" })));
  }).catch(error => area.replaceChildren(el("p", { text: error.message })));
  return area;
}

// MARK: History

async function historyView() {
  document.title = "History — Rehearse";
  const sessions = await api("GET", "/api/history");
  const nodes = [el("h1", { text: "Your practice history" })];
  if (!sessions.length) {
    nodes.push(el("p", { text: "No interviews yet. Each interview you practise is recorded here." }));
    return show(...nodes);
  }
  const percent = value => value === undefined || value === null ? "–" : `${Math.round(value * 100)}%`;
  nodes.push(el("p", {}, el("a", { href: "/progress", target: "_blank", rel: "noopener", text: "See your progress as charts" })));
  nodes.push(el("table", {},
    el("thead", {}, el("tr", {}, ...["Date", "Scenario", "Answered", "Follow-ups", "STAR", ""].map(h => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...sessions.map(s => el("tr", {},
      el("td", { text: new Date(s.started).toLocaleString() }), el("td", { text: s.scenario_title }),
      el("td", { text: String(s.questions_answered) }), el("td", { text: String(s.followups) }), el("td", { text: percent(s.star_share) }),
      el("td", {}, el("a", { href: `/replay/${encodeURIComponent(s.session)}`, target: "_blank", rel: "noopener", text: "Replay" })))))));
  show(...nodes);
}

// MARK: Routing

async function route() {
  const hash = location.hash || "#/";
  try {
    if (hash.startsWith("#/interview/")) {
      const id = decodeURIComponent(hash.slice("#/interview/".length));
      if (current && current.state.id === id) return;
      await claim(id);
    } else if (hash === "#/history") {
      current = null; await historyView();
    } else {
      current = null; await home();
    }
  } catch (error) {
    say(error.message);
    if (error.status === 404 && hash.startsWith("#/interview/")) { location.hash = "#/"; }
  }
}

window.addEventListener("hashchange", route);
// A moment for the tab this one was duplicated from to say so, before claiming anything.
setTimeout(route, tabsChannel ? 150 : 0);
