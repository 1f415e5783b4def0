import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { planBuild, type ExistingWorkbook } from "../../../src/core/plan/build-plan";
import { describeBuild } from "../../../src/core/plan/describe";
import { fixedText, moneyText } from "../../../src/core/plan/money-text";
import { readBuildRecord } from "../../../src/core/plan/ownership";
import type { PlannedCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import { resultsJson } from "../../../src/core/results-json";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";

// Miles 120: Leak savings = 12,000 (CFO), Crew time = 1,200 (Operations Manager), Fines = 500 (Compliance, not listed),
// Spare = 7 (no stakeholder). CVM_Elements at Elements!A1:F5 (F: Proposition), CVM_Stakeholders at People!A1:E4.
const ELEMENTS: CellValue[][] = [
  ["Element", "Formula", "Stakeholder", "Confidence", "Id", "Proposition"],
  ["Leak savings", "Miles*100", "CFO", "green", "LeakSavings", "cutting repair spend by 30%"],
  ["Crew time", "Miles*10", " operations manager", "gray", "", ""],
  ["Fines", "500", "Compliance", "gray", "", "=1+1 stays words"],
  ["Spare", "7", "", "gray", "", "a little"],
];
const STAKEHOLDERS: CellValue[][] = [
  ["Stakeholder", "Role", "Objective", "Metric", "Notes"],
  ["Operations Manager", "VP Operations", "Keep the line running", "Unplanned downtime hours", "internal"],
  ["CFO", "Chief financial officer", "Lower operating cost", "Cost per barrel-mile", ""],
  ["HSE Manager", "Safety", "No spills", "Barrels spilled", ""],
];
const NOW = new Date(Date.UTC(2026, 11, 5, 9, 30));
const EXISTING: ExistingWorkbook = { sheets: ["Inputs", "Elements", "Settings", "People"], names: [] };

function input(options: { stakeholders?: CellValue[][] | null; elements?: CellValue[][]; currency?: string } = {}): WorkbookInput {
  const elements = options.elements ?? ELEMENTS;
  const stakeholders = options.stakeholders === undefined ? STAKEHOLDERS : options.stakeholders;
  return {
    variables: {
      address: "Inputs!A1:B2",
      values: [
        ["Name", "Value"],
        ["Miles", 120],
      ],
    },
    elements: { address: `Elements!A1:F${elements.length}`, values: elements },
    settings: {
      address: "Settings!A1:B3",
      values: [
        ["Setting", "Value"],
        ["Customer", "Acme"],
        ["Currency", options.currency ?? "USD"],
      ],
    },
    ...(stakeholders ? { stakeholders: { address: `People!A1:E${stakeholders.length}`, values: stakeholders } } : {}),
  };
}

function analyzed(workbook: WorkbookInput) {
  const analysis = analyzeWorkbook(workbook);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  return analysis;
}

function plan(workbook: WorkbookInput = input(), existing: ExistingWorkbook = EXISTING): WorkbookPlan {
  const analysis = analyzed(workbook);
  const outcome = planBuild(analysis.model, analysis.results, existing, NOW);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.plan;
}

const sheet = (p: WorkbookPlan, name: string) => p.sheets.find((s) => s.name === name);
const cellAt = (s: SheetPlan, row: number, column: number): PlannedCell | undefined =>
  s.cells.find((c) => c.row === row && c.column === column);
const shown = (c: PlannedCell | undefined) =>
  c === undefined ? undefined : c.content.kind === "formula" ? { formula: c.content.formula, value: c.content.value } : c.content.value;
/** The row whose column A holds `text`. */
const rowOf = (s: SheetPlan, text: string) =>
  s.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === text)!.row;
/** Where the Value Summary's element table holds this element's annual value (its column D, the row whose C says the confidence). */
function summaryAnnualCell(p: WorkbookPlan, element: string): string {
  const summary = sheet(p, "Value Summary")!;
  const row = summary.cells.find(
    (c) => c.column === 0 && c.content.kind === "text" && c.content.value === element && cellAt(summary, c.row, 2)?.content.kind === "text",
  )!.row;
  return `'Value Summary'!$D$${row + 1}`;
}

describe("the Value Map sheet", () => {
  it("is planned only when the workbook has CVM_Stakeholders, between the Value Summary and the Assumptions Log", () => {
    expect(plan(input({ stakeholders: null })).sheets.map((s) => s.name)).toEqual(["Value Summary", "Assumptions Log", "CVM_Meta"]);
    const p = plan();
    expect(p.sheets.map((s) => s.name)).toEqual(["Value Summary", "Value Map", "Assumptions Log", "CVM_Meta"]);
    const record = readBuildRecord(
      sheet(p, "CVM_Meta")!.cells.reduce<CellValue[][]>((rows, c) => {
        (rows[c.row] ??= [])[c.column] = c.content.kind === "formula" ? "" : c.content.value;
        return rows;
      }, []),
    );
    expect(record!.sheets).toEqual(["Value Summary", "Value Map", "Assumptions Log"]);
    expect(p.provisionalRecord.cells.some((c) => c.content.kind === "text" && c.content.value === "Value Map")).toBe(true);
  });

  it("lists the stakeholders in the range's order, then those only elements name, then the elements naming nobody", () => {
    const map = sheet(plan(), "Value Map")!;
    const groupRows = ["Operations Manager", "CFO", "HSE Manager", "Compliance", "(no stakeholder named)"].map((name) => rowOf(map, name));
    expect(groupRows).toEqual([...groupRows].sort((a, b) => a - b));
    const cfo = rowOf(map, "CFO");
    expect([1, 2, 3].map((column) => shown(cellAt(map, cfo, column)))).toEqual([
      "Chief financial officer",
      "Lower operating cost",
      "Cost per barrel-mile",
    ]);
    // Notes are the author's: not on the map.
    expect(map.cells.some((c) => c.content.kind === "text" && c.content.value === "internal")).toBe(false);
    // A stakeholder only elements name has no role, objective or metric.
    const compliance = rowOf(map, "Compliance");
    expect([1, 2, 3].map((column) => shown(cellAt(map, compliance, column)) ?? "")).toEqual(["", "", ""]);
    // One with no element says so, and has no total.
    const hse = rowOf(map, "HSE Manager");
    expect(shown(cellAt(map, hse, 5))).toBe("No value element names this stakeholder yet.");
    expect(cellAt(map, hse, 4)?.content).toEqual({ kind: "text", value: "" });
    expect(rowOf(map, "Compliance")).toBe(hse + 1);
  });

  it("gives each element its annual value as a live reference to the Value Summary, and a sentence over its cells", () => {
    const p = plan();
    const map = sheet(p, "Value Map")!;
    const row = rowOf(map, "Leak savings");
    const r = row + 1;
    expect(rowOf(map, "CFO")).toBe(row - 1);
    expect(shown(cellAt(map, row, 4))).toEqual({ formula: `=${summaryAnnualCell(p, "Leak savings")}`, value: 12000 });
    expect(shown(cellAt(map, row, 5))).toEqual({
      formula: `=A${r}&": "&IF(E${r}<0,"-","")&"$"&FIXED(ABS(E${r}),0)&" a year"&IF(Elements!$F$2="","",", "&Elements!$F$2)`,
      value: "Leak savings: $12,000 a year, cutting repair spend by 30%",
    });
    // An empty proposition at build is still referred to, so that one typed later shows.
    const crew = rowOf(map, "Crew time");
    expect(shown(cellAt(map, crew, 5))).toEqual({
      formula: `=A${crew + 1}&": "&IF(E${crew + 1}<0,"-","")&"$"&FIXED(ABS(E${crew + 1}),0)&" a year"&IF(Elements!$F$3="","",", "&Elements!$F$3)`,
      value: "Crew time: $1,200 a year",
    });
  });

  it("totals each stakeholder over the rows of their elements, and all of them by CVM_TotalAnnualValue", () => {
    const map = sheet(plan(), "Value Map")!;
    const ops = rowOf(map, "Operations Manager");
    expect(shown(cellAt(map, ops, 4))).toEqual({ formula: `=SUM(E${ops + 2}:E${ops + 2})`, value: 1200 });
    const total = rowOf(map, "Total, every stakeholder");
    expect(shown(cellAt(map, total, 4))).toEqual({ formula: "=CVM_TotalAnnualValue", value: 13707 });
  });

  it("writes workbook text as text and never into a formula: a stakeholder or proposition beginning with = stays words", () => {
    const hostile = '=HYPERLINK("http://x","click")';
    const map = sheet(
      plan(
        input({
          stakeholders: [STAKEHOLDERS[0]!, [hostile, "=1+1", "@SUM(A1)", "+1", ""]],
          elements: ELEMENTS.map((r, i) => (i === 1 ? [r[0]!, r[1]!, hostile, r[3]!, r[4]!, r[5]!] : r)),
        }),
      ),
      "Value Map",
    )!;
    const row = rowOf(map, hostile);
    expect([0, 1, 2, 3].map((column) => cellAt(map, row, column)!.content)).toEqual([
      { kind: "text", value: hostile },
      { kind: "text", value: "=1+1" },
      { kind: "text", value: "@SUM(A1)" },
      { kind: "text", value: "+1" },
    ]);
    const fines = rowOf(map, "Fines");
    const sentence = cellAt(map, fines, 5)!.content;
    if (sentence.kind !== "formula") throw new Error("a formula");
    expect(sentence.formula).not.toContain("stays words");
    expect(sentence.formula).toContain("Elements!$F$4");
    expect(sentence.value).toBe("Fines: $500 a year, =1+1 stays words");
    for (const c of map.cells) if (c.content.kind === "formula") expect(c.content.formula).not.toContain("HYPERLINK");
  });

  it("shows money in the model's currency, negatives with a minus before the symbol", () => {
    const elements = [ELEMENTS[0]!, ["Write-off", "-1234.5", "CFO", "gray", "", "a cost"]];
    const map = sheet(plan(input({ currency: "EUR", elements })), "Value Map")!;
    const row = rowOf(map, "Write-off");
    const content = cellAt(map, row, 5)!.content;
    if (content.kind !== "formula") throw new Error("a formula");
    expect(content.formula).toContain(`IF(E${row + 1}<0,"-","")&"€"&FIXED(ABS(E${row + 1}),0)`);
    expect(content.value).toBe("Write-off: -€1,235 a year, a cost");
  });

  it("gives #VALUE! where the sentence would pass Excel's 32,767 characters, as Excel does", () => {
    const long = "x".repeat(32767 - "Leak savings: $12,000 a year, ".length + 1);
    const elements = ELEMENTS.map((r, i) => (i === 1 ? [...r.slice(0, 5), long] : r));
    const workbook = input({ elements });
    const map = sheet(plan(workbook), "Value Map")!;
    expect(shown(cellAt(map, rowOf(map, "Leak savings"), 5))!).toMatchObject({ value: { error: "#VALUE!" } });
    const short = ELEMENTS.map((r, i) => (i === 1 ? [...r.slice(0, 5), long.slice(1)] : r));
    const fits = sheet(plan(input({ elements: short })), "Value Map")!;
    expect((shown(cellAt(fits, rowOf(fits, "Leak savings"), 5)) as { value: string }).value).toHaveLength(32767);
    const analysis = analyzed(workbook);
    expect(resultsJson(analysis.model, analysis.results).valueMap!.stakeholders[1]!.elements[0]!.sentence).toBeNull();
  });

  it("prints like the other sheets: one page wide, its header row repeated, a header and footer", () => {
    const map = sheet(plan(), "Value Map")!;
    expect(map.page).toMatchObject({
      fitToPagesWide: 1,
      orientation: "landscape",
      printArea: { firstRow: 0, firstColumn: 0, lastColumn: 5 },
      footer: { left: "Value Map", center: "Page &P of &N" },
      header: { left: "Value Map: Acme", right: "Built 2026-12-05" },
    });
    expect(map.replaceColumns).toEqual({ first: 0, last: 16383 });
    expect(map.activate).toBeUndefined();
  });

  it("is the user's sheet when the add-in did not make it: a clash, and nothing is planned", () => {
    const analysis = analyzed(input());
    const outcome = planBuild(analysis.model, analysis.results, { ...EXISTING, sheets: [...EXISTING.sheets, "value map"] }, NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.code, p.range])).toEqual([["sheet-clash", "Value Map"]]);
    // Without the range, a sheet of the user's named so is no business of the add-in's.
    const without = analyzed(input({ stakeholders: null }));
    expect(planBuild(without.model, without.results, { ...EXISTING, sheets: [...EXISTING.sheets, "Value Map"] }, NOW).ok).toBe(true);
  });

  it("says why it is empty after the range is removed, when an earlier build wrote it; and is not made again once deleted", () => {
    const first = plan();
    const record = sheet(first, "CVM_Meta")!.cells.reduce<CellValue[][]>((rows, c) => {
      (rows[c.row] ??= [])[c.column] = c.content.kind === "formula" ? "" : c.content.value;
      return rows;
    }, []);
    const rows = Array.from(record, (r) => Array.from(r ?? [], (v) => v ?? ""));
    const built = { ...EXISTING, sheets: [...EXISTING.sheets, "Value Summary", "Value Map", "Assumptions Log", "CVM_Meta"], record: rows };
    const again = plan(input({ stakeholders: null }), built);
    const gone = sheet(again, "Value Map")!;
    expect(shown(cellAt(gone, 1, 0))).toContain("no longer has the named range CVM_Stakeholders");
    expect(gone.cells.some((c) => c.content.kind === "formula" && c.content.formula.includes("FIXED"))).toBe(false);
    const deleted = plan(input({ stakeholders: null }), { ...built, sheets: built.sheets.filter((s) => s !== "Value Map") });
    expect(sheet(deleted, "Value Map")).toBeUndefined();
  });

  it("is described after the build", () => {
    const analysis = analyzed(input());
    const lines = describeBuild(plan(), analysis.model, analysis.results);
    expect(lines).toContain(
      "Value Map: 5 stakeholders with their objectives and metrics, and each element's value proposition (3 written propositions).",
    );
  });
});

describe("cvm build --json's valueMap", () => {
  it("is absent without CVM_Stakeholders", () => {
    const analysis = analyzed(input({ stakeholders: null }));
    expect("valueMap" in resultsJson(analysis.model, analysis.results)).toBe(false);
  });

  it("lists each stakeholder with their elements, values and sentences, in the sheet's order", () => {
    const analysis = analyzed(input());
    expect(resultsJson(analysis.model, analysis.results).valueMap).toEqual({
      stakeholders: [
        {
          stakeholder: "Operations Manager",
          listed: true,
          role: "VP Operations",
          objective: "Keep the line running",
          metric: "Unplanned downtime hours",
          annualValue: 1200,
          elements: [{ id: null, element: "Crew time", annualValue: 1200, proposition: "", sentence: "Crew time: $1,200 a year" }],
        },
        {
          stakeholder: "CFO",
          listed: true,
          role: "Chief financial officer",
          objective: "Lower operating cost",
          metric: "Cost per barrel-mile",
          annualValue: 12000,
          elements: [
            {
              id: "LeakSavings",
              element: "Leak savings",
              annualValue: 12000,
              proposition: "cutting repair spend by 30%",
              sentence: "Leak savings: $12,000 a year, cutting repair spend by 30%",
            },
          ],
        },
        {
          stakeholder: "HSE Manager",
          listed: true,
          role: "Safety",
          objective: "No spills",
          metric: "Barrels spilled",
          annualValue: 0,
          elements: [],
        },
        {
          stakeholder: "Compliance",
          listed: false,
          role: "",
          objective: "",
          metric: "",
          annualValue: 500,
          elements: [
            {
              id: null,
              element: "Fines",
              annualValue: 500,
              proposition: "=1+1 stays words",
              sentence: "Fines: $500 a year, =1+1 stays words",
            },
          ],
        },
        {
          stakeholder: "",
          listed: false,
          role: "",
          objective: "",
          metric: "",
          annualValue: 7,
          elements: [{ id: null, element: "Spare", annualValue: 7, proposition: "a little", sentence: "Spare: $7 a year, a little" }],
        },
      ],
    });
  });
});

describe("money in words, as Excel's FIXED(x,0) shows it in English (United States)", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999.49, "999"],
    [999.5, "1,000"],
    [2.5, "3"],
    [-2.5, "-3"],
    [1234567.5, "1,234,568"],
    // 1.005 is stored as 1.00499999999999989…; at Excel's 15 digits it is 1.005, and FIXED(…,2) would round up; at 0 decimals, 1.
    [1.005, "1"],
    [123456789012345, "123,456,789,012,345"],
    [1e15, "1,000,000,000,000,000"],
    // Excel keeps 15 significant digits: the rest show as zeros (the number typed is read as the nearest double).
    [Number("1234567890123456789"), "1,234,567,890,123,460,000"],
  ])("FIXED(%p,0) is %p", (value, text) => {
    expect(fixedText(value)).toBe(text);
  });

  it("puts the minus before the symbol, as the money cells' format does, and the code where a currency has no symbol", () => {
    expect(moneyText(-0.4, "USD")).toBe("-$0");
    expect(moneyText(1500000, "GBP")).toBe("£1,500,000");
    expect(moneyText(2500, "CHF")).toBe("CHF 2,500");
    expect(moneyText(2500, "XYZ")).toBe("XYZ 2,500");
  });
});
