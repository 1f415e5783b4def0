import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { planBuild, type ExistingWorkbook } from "../../../src/core/plan/build-plan";
import type { PlannedCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookInput } from "../../../src/core/workbook/cells";

const INPUT: WorkbookInput = {
  variables: {
    address: "'Inputs 2026'!A1:D4",
    values: [
      ["Name", "Value", "Unit", "Source"],
      ["Miles", 1200, "miles", "=cmd|' /C calc'!A0"],
      ["Rate", 0.15, "share", "survey"],
      ["Cost", 500, "USD", "ledger"],
    ],
  },
  elements: {
    address: "Elements!A1:F3",
    values: [
      ["Element", "Formula", "Id", "Stakeholder", "Confidence", "Ramp"],
      ["Repairs", "miles*RATE*cost", "repairs", "CFO", "green", "50%,100%"],
      ["+Follow-on", "REPAIRS/10", "", "cfo ", "", ""],
    ],
  },
  settings: {
    address: "Settings!A1:B3",
    values: [
      ["Setting", "Value"],
      ["Years", 3],
      ["Investment", 1000],
    ],
  },
};
const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));
const EMPTY: ExistingWorkbook = { sheets: ["Inputs 2026", "Elements", "Settings"], names: [] };

function plan(input: WorkbookInput = INPUT, existing: ExistingWorkbook = EMPTY): WorkbookPlan {
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const outcome = planBuild(analysis.model, analysis.results, existing, NOW);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.plan;
}
const sheet = (p: WorkbookPlan, name: string): SheetPlan => p.sheets.find((s) => s.name === name)!;
const at = (s: SheetPlan, row: number, column: number): PlannedCell | undefined =>
  s.cells.find((c) => c.row === row && c.column === column);
/** The planned cells of a sheet as the record sheet would hold them, for reading it back. */
const grid = (s: SheetPlan) => {
  const rows: (string | number)[][] = [];
  for (const c of s.cells) {
    rows[c.row] ??= [];
    rows[c.row]![c.column] = c.content.kind === "formula" ? c.content.formula : c.content.value;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? ""));
};

/** The row of the element table that holds `element` in column A (the table, not the stakeholder list). */
const elementRow = (s: SheetPlan, element: string) =>
  s.cells.find(
    (c) => c.column === 0 && c.content.kind === "text" && c.content.value === element && at(s, c.row, 2)?.content.kind === "text",
  )!.row;
const formulaOf = (cell: PlannedCell | undefined) => (cell?.content.kind === "formula" ? cell.content.formula : undefined);

describe("the Value Summary plan", () => {
  const summary = sheet(plan(), "Value Summary");
  const repairs = elementRow(summary, "Repairs");

  test("each element's annual value is its own formula translated over the defined names, spelled as declared", () => {
    expect(formulaOf(at(summary, repairs, 3))).toBe("=Miles*Rate*Cost");
    expect(formulaOf(at(summary, elementRow(summary, "+Follow-on"), 3))).toBe("=repairs/10");
  });

  test("year columns apply the ramp to the annual value cell, repeating its last entry", () => {
    const row = repairs + 1;
    expect([1, 2, 3].map((y) => formulaOf(at(summary, repairs, 3 + y)))).toEqual([`=$D${row}*0.5`, `=$D${row}`, `=$D${row}`]);
  });

  test("workbook text is planned as text, never as a formula", () => {
    expect(at(summary, elementRow(summary, "+Follow-on"), 0)!.content).toEqual({ kind: "text", value: "+Follow-on" });
  });

  test("no number is pasted: the only constants are labelled settings and year 0's benefit", () => {
    const numbers = summary.cells.filter((c) => c.content.kind === "number");
    const labels = numbers.map((c) => {
      const label = at(summary, c.row, 0)!.content;
      return label.kind === "text" ? label.value : "";
    });
    expect(labels.sort()).toEqual(["Annual cost", "Benefit", "Discount rate", "Years"].sort());
  });

  test("results sit behind their CVM_ names; a variable's name points at its value cell; an element id at its annual cell", () => {
    const names = new Map(plan().names.map((n) => [n.name, n.refersTo]));
    expect(names.get("Miles")).toBe("='Inputs 2026'!$B$2");
    expect(names.get("repairs")).toBe(`='Value Summary'!$D$${repairs + 1}`);
    for (const result of [
      "CVM_TotalAnnualValue",
      "CVM_Green",
      "CVM_Gray",
      "CVM_TotalBenefit",
      "CVM_TotalCost",
      "CVM_NetValue",
      "CVM_NPV",
      "CVM_ROI",
      "CVM_PaybackMonths",
    ]) {
      const ref = /^='Value Summary'!\$B\$(\d+)$/.exec(names.get(result) ?? "");
      expect(ref).not.toBeNull();
      expect(at(summary, Number(ref![1]) - 1, 1)!.content.kind).toBe("formula");
    }
    const investment = summary.cells.find((c) => c.content.kind === "formula" && c.content.formula === "=Settings!$B$3");
    expect(investment).toBeDefined();
  });

  test("stakeholders that differ only in case and spaces are one group", () => {
    const header = summary.cells.find((c) => c.content.kind === "text" && c.content.value === "Stakeholder and element")!.row;
    const groups = summary.cells.filter((c) => c.row > header && c.row < repairs && c.column === 1 && formulaOf(c)?.startsWith("=SUM("));
    expect(groups).toHaveLength(1);
    expect(at(summary, groups[0]!.row, 0)!.content).toEqual({ kind: "text", value: "CFO" });
  });
});

describe("building again", () => {
  const first = plan();
  const record = grid(sheet(first, "CVM_Meta"));
  const owned: ExistingWorkbook = {
    sheets: [...EMPTY.sheets, "Value Summary", "Assumptions Log", "CVM_Meta"],
    names: first.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
    record,
  };

  test("the history gets a header and one row on the first build", () => {
    const log = grid(sheet(first, "Assumptions Log"));
    expect(log[3]!.slice(12)).toEqual(["Date", "Input", "Item", "Field", "Before", "After", "Customer"]);
    expect(log[4]!.slice(13)).toEqual(["Build", "First build", "", "", "3 variables, 2 elements recorded"]);
  });

  test("a rebuild adds only the changes, below the earlier rows, and writes nothing above them", () => {
    const changed: WorkbookInput = {
      ...INPUT,
      variables: {
        ...INPUT.variables!,
        values: INPUT.variables!.values.map((r) => (r[0] === "Rate" ? ["Rate", 0.2, "share", "survey"] : r)),
      },
    };
    const log = sheet(plan(changed, owned), "Assumptions Log");
    const history = log.cells.filter((c) => c.column >= 12);
    expect(history.every((c) => c.row === 5)).toBe(true);
    expect(grid(log)[5]!.slice(13)).toEqual(["Variable", "Rate", "Value", 0.15, 0.2]);
  });

  test("a variable removed since the last build has its name deleted; the user's own names are untouched", () => {
    const fewer: WorkbookInput = {
      ...INPUT,
      variables: { ...INPUT.variables!, values: [...INPUT.variables!.values, ["Unused", 7, "", ""]] },
    };
    const withUnused = plan(fewer, EMPTY);
    const again = plan(INPUT, {
      ...owned,
      names: [...owned.names, { name: "UserThing", refersTo: "=Settings!$Z$1" }],
      record: grid(sheet(withUnused, "CVM_Meta")),
    });
    expect(again.deleteNames).toEqual(["Unused"]);
    expect(again.names.map((n) => n.name)).not.toContain("UserThing");
  });

  test("a sheet or name the add-in did not make is a clash, and nothing is planned", () => {
    const analysis = analyzeWorkbook(INPUT);
    if (!analysis.ok) throw new Error("model should be valid");
    const sheetClash = planBuild(analysis.model, analysis.results, { ...EMPTY, sheets: [...EMPTY.sheets, "value summary"] }, NOW);
    expect(sheetClash.ok).toBe(false);
    const nameClash = planBuild(
      analysis.model,
      analysis.results,
      { ...EMPTY, names: [{ name: "MILES", refersTo: "=Settings!$C$9" }] },
      NOW,
    );
    expect(nameClash).toMatchObject({ ok: false, problems: [{ code: "name-clash", range: "Miles" }] });
    const sameCell = planBuild(
      analysis.model,
      analysis.results,
      { ...EMPTY, names: [{ name: "Miles", refersTo: "='Inputs 2026'!$B$2" }] },
      NOW,
    );
    if (!sameCell.ok) throw new Error("a name already at the value cell is no clash");
    expect(sameCell.plan.names.map((n) => n.name)).not.toContain("Miles");
    // A relative reference means another cell wherever it is used: that is a clash, not the same name.
    const relative = planBuild(
      analysis.model,
      analysis.results,
      { ...EMPTY, names: [{ name: "Miles", refersTo: "='Inputs 2026'!B2" }] },
      NOW,
    );
    expect(relative).toMatchObject({ ok: false, problems: [{ code: "name-clash" }] });
  });
});

describe("inputs as Office.js hands them over", () => {
  test("an element formula typed without an apostrophe is read from the cell's formula, not its last result", () => {
    const elements = INPUT.elements!;
    const typed: WorkbookInput = {
      ...INPUT,
      elements: {
        ...elements,
        formulas: elements.values.map((r, i) => (i === 1 ? [r[0]!, "=Miles*Rate*Cost", ...r.slice(2)] : r)),
        values: elements.values.map((r, i) => (i === 1 ? [r[0]!, 90000, ...r.slice(2)] : r)),
      },
    };
    const typedSummary = sheet(plan(typed), "Value Summary");
    expect(formulaOf(at(typedSummary, elementRow(typedSummary, "Repairs"), 3))).toBe("=Miles*Rate*Cost");
  });

  test("an element list with no rows is an error at its header, and a setting called constructor is only unknown", () => {
    const empty = analyzeWorkbook({ ...INPUT, elements: { address: "Elements!A1:B1", values: [["Element", "Formula"]] } });
    expect(empty.problems).toMatchObject([{ code: "elements-empty", severity: "error", cell: { sheet: "Elements", row: 0, column: 0 } }]);
    const odd = analyzeWorkbook({
      ...INPUT,
      settings: {
        address: "Settings!A1:B2",
        values: [
          ["Setting", "Value"],
          ["constructor", 1],
        ],
      },
    });
    expect(odd.problems.map((p) => p.code)).toEqual(["setting-unknown"]);
  });
});
