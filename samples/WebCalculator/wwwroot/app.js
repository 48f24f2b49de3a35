// The household calculator page: builds a POST /calculate request from the form, shows every benefit, tax and
// contribution with the explanation and sources, and, with a reform, the baseline and the reform side by side.
// Served by the app itself; no third-party script.
"use strict";

const KINDS = {
  benefit: "福利 Benefit",
  tax: "税 Tax",
  contribution: "缴费 Contribution",
  pension: "养老金 Pension",
  in_kind: "实物/报销 In kind",
  co_payment: "自付 Co-payment",
};
const INCOMES = {
  Market: "市场收入 Market income",
  MarketPlusPensions: "市场收入+养老金 Market income + pensions",
  Gross: "总收入 Gross income",
  Disposable: "可支配收入 Disposable income",
  Final: "最终收入 Final income",
};

const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};

let memberCount = 0;

function addMember(values = {}) {
  const index = memberCount++;
  const field = (label, input) => el("label", {}, label, input);
  const number = (name, value, min, max, step) => el("input", { type: "number", name, value: value ?? 0, min: min ?? "", max: max ?? "", step: step ?? "any", className: "m-" + name });
  const select = (name, options, value) => {
    const s = el("select", { name, className: "m-" + name });
    for (const [v, text] of options) s.append(el("option", { value: v, selected: v === value }, text));
    return s;
  };
  const card = el("div", { class: "member" },
    el("div", { class: "member-head" }, el("strong", {}, "成员 Member ", el("span", { class: "member-number" }, "")),
      el("button", { type: "button", class: "remove", title: "删除 Remove", onclick: () => { card.remove(); renumber(); } }, "✕")),
    el("div", { class: "grid" },
      field("年龄 Age", number("age", values.age ?? 40, 0, 120, 1)),
      field("性别 Sex", select("sex", [["female", "女 Female"], ["male", "男 Male"]], values.sex ?? "female")),
      field("户籍 Hukou", select("hukou", [["urban", "城镇 Urban"], ["rural", "农村 Rural"]], values.hukou ?? "urban")),
      field("残疾等级 Disability grade", select("disability_grade", [["0", "无 None"], ["1", "一级 Grade 1"], ["2", "二级 Grade 2"], ["3", "三级 Grade 3"], ["4", "四级 Grade 4"]], String(values.disability_grade ?? 0))),
      field("工资 Wages", number("wages_annual", values.wages_annual, 0)),
      field("经营净收入 Business income", number("business_income_annual", values.business_income_annual)),
      field("财产净收入 Property income", number("property_income_annual", values.property_income_annual)),
      field("转移收入 Private transfers", number("private_transfers_annual", values.private_transfers_annual, 0)),
      field("养老金（已领） Pension received", number("pension_income_annual", values.pension_income_annual, 0)),
    ));
  card.dataset.index = index;
  $("#members").append(card);
  renumber();
}

function renumber() {
  document.querySelectorAll("#members .member").forEach((card, i) => { $(".member-number", card).textContent = String(i + 1); });
}

function readNumber(input) {
  const text = input.value.trim();
  return text === "" ? 0 : Number(text);
}

function buildRequest(reform) {
  const members = [...document.querySelectorAll("#members .member")].map(card => ({
    age: readNumber($(".m-age", card)),
    sex: $(".m-sex", card).value,
    hukou: $(".m-hukou", card).value,
    disability_grade: Number($(".m-disability_grade", card).value),
    wages_annual: readNumber($(".m-wages_annual", card)),
    business_income_annual: readNumber($(".m-business_income_annual", card)),
    property_income_annual: readNumber($(".m-property_income_annual", card)),
    private_transfers_annual: readNumber($(".m-private_transfers_annual", card)),
    pension_income_annual: readNumber($(".m-pension_income_annual", card)),
  }));
  const request = {
    date: $("#date").value,
    policy: $("#policy").value,
    households: [{
      region: $("#region").value,
      area: $("#area").value,
      financial_assets: readNumber($("#financial-assets")),
      homes: readNumber($("#homes")),
      vehicle: $("#vehicle").checked,
      members,
    }],
  };
  if (reform) request.reform = reform;
  return request;
}

function chosenReform() {
  if (!$("#reform-on").checked) return null;
  const kind = document.querySelector("input[name=reform-kind]:checked").value;
  if (kind === "json") {
    try {
      return JSON.parse($("#reform-json").value);
    } catch (e) {
      throw new Error("改革 JSON 无法解析 The reform JSON does not parse: " + e.message);
    }
  }
  const region = $("#region").value;
  const from = $("#date").value;
  return {
    name: "低保标准 +10% Dibao standards +10%",
    description: "Urban and rural dibao standards of the chosen region scaled by 1.1 from the chosen date (an illustrative reform [I]).",
    changes: [
      { parameter: "dibao.standard.urban", region, from, scale: 1.1 },
      { parameter: "dibao.standard.rural", region, from, scale: 1.1 },
    ],
  };
}

async function calculate(request) {
  const response = await fetch("calculate", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify(request),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = body ?? { title: response.statusText, status: response.status };
    const details = problem.errors ? Object.entries(problem.errors).map(([path, messages]) => `${path}: ${messages.join("; ")}`).join("\n") : (problem.detail ?? "");
    throw new Error(`${problem.title} (${problem.status})\n${details}`);
  }
  return body;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.hidden = !message;
}

function formatDiff(a, b) {
  const d = Math.round((b - a) * 100) / 100;
  return (d > 0 ? "+" : "") + (d === 0 ? "0.00" : d.toFixed(2));
}

function amountRows(household) {
  const rows = [];
  for (const output of household.outputs) {
    if (!(output.kind in KINDS)) continue;
    if (output.entity === "household") {
      rows.push({ key: output.name, member: "", label: output.name, output, value: output.value, display: output.display });
    } else {
      const shown = output.display.split(", ");
      output.values.forEach((value, i) => rows.push({ key: `${output.name}#${i}`, member: String(i), label: `${output.name} · 成员 member ${i + 1}`, output, value, display: shown[i] }));
    }
  }
  return rows;
}

function render(baseline, reformed) {
  const household = baseline.households[0];
  const other = reformed ? reformed.households[0] : null;
  document.body.classList.toggle("with-reform", !!other);
  $("#result-title").textContent = `${household.region_name} · ${baseline.date} · ${baseline.policy}`;
  $("#illustrative-warning").hidden = !(household.uses_illustrative_values || (other && other.uses_illustrative_values));

  const reformRows = new Map(other ? amountRows(other).map(r => [r.key, r]) : []);
  const body = $("#amounts tbody");
  body.replaceChildren();
  for (const row of amountRows(household)) {
    const r = reformRows.get(row.key);
    const zero = row.value === 0 && (!r || r.value === 0);
    const unit = row.output.unit ? ` ${row.output.unit}` : "";
    body.append(el("tr", { class: zero ? "zero" : "", "data-output": row.output.name, "data-member": row.member, title: row.output.description },
      el("td", {}, row.label, el("div", { class: "desc" }, row.output.description)),
      el("td", { class: `kind kind-${row.output.kind}` }, KINDS[row.output.kind]),
      el("td", { class: "num baseline", "data-value": row.value }, row.display + unit),
      el("td", { class: "num reform reform-col", "data-value": r ? r.value : "" }, r ? r.display + unit : ""),
      el("td", { class: "num change reform-col" }, r ? formatDiff(row.value, r.value) : "")));
  }

  const incomes = $("#incomes tbody");
  incomes.replaceChildren();
  household.incomes.forEach((income, i) => {
    const r = other ? other.incomes[i] : null;
    incomes.append(el("tr", { "data-income": income.concept },
      el("td", {}, INCOMES[income.concept] ?? income.concept),
      el("td", { class: "num baseline", "data-value": income.value }, income.display),
      el("td", { class: "num reform reform-col", "data-value": r ? r.value : "" }, r ? r.display : ""),
      el("td", { class: "num change reform-col" }, r ? formatDiff(income.value, r.value) : "")));
  });

  const summary = $("#reform-summary");
  summary.hidden = !reformed;
  if (reformed) {
    summary.replaceChildren(el("strong", {}, "改革 Reform: ", reformed.reform.name),
      ...reformed.reform.changes.map(c => el("div", {}, c)),
      ...reformed.reform.warnings.map(w => el("div", { class: "warning" }, w)));
  }

  renderExplanation(household.explanation);
  $("#results").hidden = false;
  $("#results").scrollIntoView();
}

function renderExplanation(steps) {
  const container = $("#explanation");
  container.replaceChildren();
  let group = null;
  let current = null;
  for (const step of steps) {
    if (step.program !== current) {
      current = step.program;
      const ofProgram = steps.filter(s => s.program === step.program);
      const illustrative = ofProgram.some(s => s.parameters.some(p => p.illustrative));
      group = el("details", { class: "program", "data-program": step.program },
        el("summary", {}, step.program, el("span", { class: "hint" }, ` · ${ofProgram.length} 步 steps`),
          illustrative ? el("span", { class: "tag tag-I", title: "uses illustrative values 使用示意值" }, " [I]") : ""));
      container.append(group);
    }
    const text = step.value === null ? step.text : `${step.text} = ${step.value.toFixed(2)} ${step.unit}`;
    const item = el("div", { class: "step" }, el("div", { class: "step-text" }, text));
    for (const p of step.parameters) {
      const value = p.items ? `[${p.items.join(", ")}]` : p.value;
      const line = el("div", { class: "parameter" + (p.illustrative ? " illustrative" : "") },
        el("span", { class: `tag tag-${p.tag}`, title: p.provenance }, `[${p.tag}]`), " ",
        el("code", {}, p.name), ` = ${value} ${p.unit}`,
        p.illustrative ? el("strong", { class: "illustrative-flag" }, " 示意值，非事实 illustrative, not a fact") : "",
        p.extrapolated ? el("strong", {}, " 外推 extrapolated") : "",
        p.adjustments.length ? el("em", {}, ` 改革 reform: ${p.adjustments.join("; ")}`) : "",
        el("div", { class: "source" }, `${p.set_by_name} (${p.set_by}) · ${p.from} · 来源 source: ${p.source}`));
      item.append(line);
    }
    group.append(item);
  }
}

async function submit(event) {
  event.preventDefault();
  showError("");
  const button = $("#calculate");
  button.disabled = true;
  try {
    const reform = chosenReform();
    const [baseline, reformed] = await Promise.all([calculate(buildRequest(null)), reform ? calculate(buildRequest(reform)) : Promise.resolve(null)]);
    render(baseline, reformed);
    document.body.dataset.state = "done";
  } catch (e) {
    showError(e.message);
    document.body.dataset.state = "error";
  } finally {
    button.disabled = false;
  }
}

async function load() {
  const [regions, programs] = await Promise.all([fetch("regions").then(r => r.json()), fetch("programs").then(r => r.json())]);
  const regionSelect = $("#region");
  for (const region of regions) {
    regionSelect.append(el("option", { value: region.code }, `${"　".repeat(["nation", "province", "prefecture", "county"].indexOf(region.level))}${region.name} ${region.pinyin} (${region.code})`));
  }
  regionSelect.value = "330100";
  const policySelect = $("#policy");
  for (const p of programs.packages) policySelect.append(el("option", { value: p.name }, p.name));
  policySelect.value = "Policies.Standard";
  addMember({ age: 40, wages_annual: 18000 });
  addMember({ age: 38 });
  addMember({ age: 10 });
  $("#add-member").addEventListener("click", () => addMember({}));
  $("#reform-on").addEventListener("change", e => { $("#reform-options").hidden = !e.target.checked; });
  $("#show-zero").addEventListener("change", e => $("#amounts").classList.toggle("show-zero", e.target.checked));
  $("#household-form").addEventListener("submit", submit);
  document.body.dataset.state = "ready";
}

load().catch(e => showError("加载失败 Loading failed: " + e.message));
