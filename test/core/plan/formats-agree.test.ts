import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { type ExistingWorkbook, planBuild } from "../../../src/core/plan/build-plan";
import { HISTORY_COLUMN } from "../../../src/core/plan/history";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";

/**
 * A number reads alike wherever the add-in writes it: a variable in the format of its Value cell in
 * CVM_Variables (as both adapters read it), money and shares as on the Value Summary.
 */
const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));

function input(rate: number): WorkbookInput {
  return {
    variables: {
      address: "In!A1:D3",
      values: [
        ["Name", "Value", "Low", "High"],
        ["Miles", 185000, 150000, 220000],
        ["Rate", rate, 0.1, 0.5],
      ],
      numberFormats: [
        ["General", "General", "General", "General"],
        ["General", "#,##0", "#,##0", "#,##0"],
        ["General", "0%", "0%", "0%"],
      ],
    },
    elements: {
      address: "El!A1:C2",
      values: [
        ["Element", "Formula", "Actual"],
        ["Repairs", "Miles*Rate", 30000],
      ],
    },
    settings: {
      address: "Set!A1:B4",
      values: [
        ["Setting", "Value"],
        ["Years", 3],
        ["DiscountRate", 0.08],
        ["Investment", 1000],
      ],
    },
  };
}

function plan(data: WorkbookInput, existing: ExistingWorkbook = { sheets: ["In", "El", "Set"], names: [] }): WorkbookPlan {
  const analysis = analyzeWorkbook(data);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const outcome = planBuild(analysis.model, analysis.results, existing, NOW);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.plan;
}

const sheet = (p: WorkbookPlan, name: string) => p.sheets.find((s) => s.name === name)!;
const formatAt = (s: SheetPlan, row: number, column: number) => {
  const cell = s.cells.find((c) => c.row === row && c.column === column);
  return cell?.style === undefined ? undefined : s.styles[cell.style]?.numberFormat;
};
const rowOf = (s: SheetPlan, text: string, column = 0) =>
  s.cells.find((c) => c.column === column && c.content.kind === "text" && c.content.value === text)!.row;
const grid = (s: SheetPlan, first: number, last: number): CellValue[][] => {
  const rows: CellValue[][] = [];
  for (const c of s.cells) {
    if (c.column < first || c.column > last) continue;
    rows[c.row] ??= Array.from({ length: last - first + 1 }, () => "");
    rows[c.row]![c.column - first] = c.content.kind === "formula" ? c.content.formula : c.content.value;
  }
  return Array.from(rows, (r) => r ?? Array.from({ length: last - first + 1 }, () => ""));
};

describe("formats that agree", () => {
  const first = plan(input(0.35));
  const log = sheet(first, "Assumptions Log");
  const summary = sheet(first, "Value Summary");

  test("the Assumptions Log shows each variable's Value, Low and High in its own format", () => {
    const rate = rowOf(log, "Rate");
    expect([formatAt(log, rate, 1), formatAt(log, rate, 5), formatAt(log, rate, 6)]).toEqual(["0%", "0%", "0%"]);
    const miles = rowOf(log, "Miles");
    expect([formatAt(log, miles, 1), formatAt(log, miles, 5), formatAt(log, miles, 6)]).toEqual(["#,##0", "#,##0", "#,##0"]);
  });

  test("money and shares as on the Value Summary: Actual, annual value, Investment, DiscountRate", () => {
    const money = formatAt(summary, rowOf(summary, "Investment"), 1);
    expect(money).toMatch(/^"\$"#,##0/);
    const repairs = rowOf(log, "Repairs");
    expect([formatAt(log, repairs, 9), formatAt(log, repairs, 11)]).toEqual([money, money]);
    expect(formatAt(log, rowOf(log, "Investment"), 1)).toBe(money);
    expect(formatAt(log, rowOf(log, "DiscountRate"), 1)).toBe(formatAt(summary, rowOf(summary, "Discount rate"), 1));
  });

  test("the sensitivity table shows each variable's Low and High in its own format", () => {
    const header = rowOf(summary, "Variable");
    const rate = summary.cells.find(
      (c) => c.row > header && c.column === 0 && c.content.kind === "text" && c.content.value === "Rate",
    )!.row;
    expect([formatAt(summary, rate, 4), formatAt(summary, rate, 5)]).toEqual(["0%", "0%"]);
  });

  test("a change in the history reads in the variable's format", () => {
    const record = grid(sheet(first, "CVM_Meta"), 0, 4);
    const history = grid(log, HISTORY_COLUMN, HISTORY_COLUMN + 6);
    const again = sheet(
      plan(input(0.4), {
        sheets: ["In", "El", "Set", "Value Summary", "Assumptions Log", "CVM_Meta"],
        names: first.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
        record,
        history: { address: `'Assumptions Log'!M1:S${history.length}`, values: history },
      }),
      "Assumptions Log",
    );
    const change = again.cells.find((c) => c.column === HISTORY_COLUMN + 2 && c.content.kind === "text" && c.content.value === "Rate")!.row;
    expect([formatAt(again, change, HISTORY_COLUMN + 4), formatAt(again, change, HISTORY_COLUMN + 5)]).toEqual(["0%", "0%"]);
  });
});
