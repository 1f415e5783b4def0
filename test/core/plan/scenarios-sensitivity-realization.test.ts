import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { excelNpv } from "../../../src/core/model/finance";
import { planBuild, type ExistingWorkbook } from "../../../src/core/plan/build-plan";
import { excelSerialDate } from "../../../src/core/plan/formats";
import type { PlannedCell, SheetPlan, TornadoChart, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookInput } from "../../../src/core/workbook/cells";

/**
 * A model small enough to compute by hand. Variables on sheet "In" (A1:F4), elements on "El".
 *   Units 100 (Low 50, High 200), Price 10 (no range), Cut 0.2 (Low 0.1, High 0.5)
 *   Saving = Units*Price*Cut = 200; Extra = Saving/2 = 100 (an element id used by another)
 * Settings: 2 years, 10% discount, Investment 100, no annual cost; ramps 100%.
 */
const INPUT: WorkbookInput = {
  variables: {
    address: "In!A1:F4",
    values: [
      ["Name", "Value", "Unit", "Source", "Low", "High"],
      ["Units", 100, "units", "count", 50, 200],
      ["Price", 10, "USD", "list", "", ""],
      ["Cut", 0.2, "share", "pilot", 0.1, 0.5],
    ],
  },
  elements: {
    address: "El!A1:F3",
    values: [
      ["Element", "Id", "Formula", "Stakeholder", "Confidence", "Actual"],
      ["Saving", "Saving", "Units*Price*Cut", "CFO", "green", 150],
      ["Extra", "Extra", "Saving/2", "CFO", "gray", ""],
    ],
  },
  settings: {
    address: "Set!A1:B4",
    values: [
      ["Setting", "Value"],
      ["Years", 2],
      ["DiscountRate", 0.1],
      ["Investment", 100],
    ],
  },
};
const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));
const EXISTING: ExistingWorkbook = { sheets: ["In", "El", "Set"], names: [] };

function plan(input: WorkbookInput = INPUT, existing: ExistingWorkbook = EXISTING, now = NOW): WorkbookPlan {
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const outcome = planBuild(analysis.model, analysis.results, existing, now);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.plan;
}
const sheetOf = (p: WorkbookPlan, name: string): SheetPlan => p.sheets.find((s) => s.name === name)!;
const content = (c: PlannedCell | undefined) =>
  c === undefined ? undefined : c.content.kind === "formula" ? c.content.formula : c.content.value;
const rowOf = (s: SheetPlan, label: string, column = 0) =>
  s.cells.find((c) => c.column === column && c.content.kind === "text" && c.content.value === label)?.row;
const valueAt = (s: SheetPlan, row: number, column: number) => content(s.cells.find((c) => c.row === row && c.column === column));
const rowValues = (s: SheetPlan, row: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => valueAt(s, row, from + i));

const summary = sheetOf(plan(), "Value Summary");

/** The first row after `after` whose column A holds `label`. */
const rowAfter = (s: SheetPlan, after: number, label: string) =>
  s.cells
    .filter((c) => c.column === 0 && c.row > after && c.content.kind === "text" && c.content.value === label)
    .map((c) => c.row)
    .sort((a, b) => a - b)[0];
/** The element table's row of an element (its name stands alone in A; the stakeholder list indents it). */
const savingRow = rowOf(summary, "Saving")!;
const extraRow = rowOf(summary, "Extra")!;

test("no cell is planned twice: what a sheet shows is what its plan says, whichever cell an adapter writes last", () => {
  for (const sheet of plan().sheets) {
    const seen = new Set<string>();
    const twice = sheet.cells.filter((c) => {
      const key = `${c.row},${c.column}`;
      const again = seen.has(key);
      seen.add(key);
      return again;
    });
    expect(twice.map((c) => `${sheet.name} ${c.row},${c.column}`)).toEqual([]);
  }
});

describe("scenarios", () => {
  const title = rowOf(summary, "Scenarios")!;
  const header = rowAfter(summary, title, "Element")!;

  test("state their rule on the sheet", () => {
    const notes = Array.from({ length: header - title - 1 }, (_, i) => valueAt(summary, title + 1 + i, 0)).join(" ");
    expect(notes).toContain("Conservative: every variable that has a Low and a High (2 of 3) at its Low");
    expect(notes).toContain("optimistic: each of those at its High");
    expect(rowValues(summary, header, 0, 3)).toEqual(["Element", "Conservative", "Expected", "Optimistic"]);
  });

  test("an element's scenario value is its own formula with ranged variables read from their Low or High cell", () => {
    // Saving is the first element row; Units' Low is In!E2, High In!F2; Cut's In!E4 / In!F4; Price keeps its name.
    const at = (cell: string) => `IF(ISNUMBER(${cell}),${cell},${cell.includes("$E$2") || cell.includes("$F$2") ? "Units" : "Cut"})`;
    expect(rowValues(summary, header + 1, 0, 3)).toEqual([
      "Saving",
      `=${at("In!$E$2")}*Price*${at("In!$E$4")}`,
      `=$D$${savingRow + 1}`,
      `=${at("In!$F$2")}*Price*${at("In!$F$4")}`,
    ]);
  });

  test("an element id reads the other element's value in the same scenario column", () => {
    const saving = header + 1;
    expect(rowValues(summary, header + 2, 1, 3)).toEqual([`=$B$${saving + 1}/2`, `=$D$${extraRow + 1}`, `=$D$${saving + 1}/2`]);
  });

  test("the outer scenarios' results follow the model's own cash flow rules; expected is the model's results", () => {
    const results = rowOf(summary, "Result")!;
    expect(rowValues(summary, results, 0, 3)).toEqual(["Result", "Conservative", "Expected", "Optimistic"]);
    const npvRow = rowOf(summary, "Net present value", 0)!;
    const scenarioNpv = summary.cells
      .filter((c) => c.column === 0 && c.content.kind === "text" && c.content.value === "Net present value")
      .map((c) => c.row);
    expect(scenarioNpv).toHaveLength(2);
    const row = scenarioNpv.find((r) => r > results)!;
    expect(valueAt(summary, row, 2)).toBe(`=$B$${npvRow + 1}`);
    const conservativeNet = rowOf(summary, "Conservative: net cash flow")!;
    expect(valueAt(summary, row, 1)).toBe(
      `=D${conservativeNet + 1}+NPV($B$${rowOf(summary, "Discount rate")! + 1},E${conservativeNet + 1}:F${conservativeNet + 1})`,
    );
  });

  test("the benefit of a scenario year weighs each element's scenario value by its ramp share", () => {
    const benefit = rowOf(summary, "Optimistic: benefit")!;
    const [first, last] = [header + 2, header + 3];
    expect(valueAt(summary, benefit, 4)).toBe(`=SUMPRODUCT($D$${first}:$D$${last},E${first}:E${last})`);
    expect(rowValues(summary, header + 1, 4, 5)).toEqual([1, 1]);
  });

  test("a model without any Low and High has no scenarios and no sensitivity", () => {
    const plain: WorkbookInput = {
      ...INPUT,
      variables: {
        address: "In!A1:B4",
        values: [
          ["Name", "Value"],
          ["Units", 100],
          ["Price", 10],
          ["Cut", 0.2],
        ],
      },
    };
    const s = sheetOf(plan(plain), "Value Summary");
    expect(rowOf(s, "Scenarios")).toBeUndefined();
    expect(rowOf(s, "Sensitivity of the net present value")).toBeUndefined();
    expect(s.charts.map((c) => c.kind)).toEqual(["valueByElement"]);
  });
});

describe("sensitivity", () => {
  const title = rowOf(summary, "Sensitivity of the net present value")!;
  const header = rowOf(summary, "Variable")!;
  // By hand: total annual value = 1.5 * Units*Price*Cut; NPV = -100 + v/1.1 + v/1.21.
  const npvOf = (units: number, cut: number) => -100 + excelNpv(0.1, [1.5 * units * 10 * cut, 1.5 * units * 10 * cut]);

  test("each ranged variable alone at Low and at High, largest swing first, the same columns as CVM.SENSITIVITY", () => {
    expect(rowValues(summary, header, 0, 3)).toEqual(["Variable", "NPV at Low", "NPV at High", "Swing"]);
    const cut = [npvOf(100, 0.1), npvOf(100, 0.5)];
    const units = [npvOf(50, 0.2), npvOf(200, 0.2)];
    // Cut swings 0.4 × 100 units, Units 150 × 0.2: Cut first.
    const [first, second] = [rowValues(summary, header + 1, 0, 5), rowValues(summary, header + 2, 0, 5)];
    expect(first[0]).toBe("Cut");
    expect(first[1]).toBeCloseTo(cut[0]!, 9);
    expect(first[2]).toBeCloseTo(cut[1]!, 9);
    expect(first[3]).toBeCloseTo(cut[1]! - cut[0]!, 9);
    expect(first.slice(4)).toEqual([0.1, 0.5]);
    expect(second[0]).toBe("Units");
    expect(second[3]).toBeCloseTo(units[1]! - units[0]!, 9);
    expect(valueAt(summary, header + 3, 0)).toBeUndefined();
  });

  test("says beside the numbers that they are computed at build, not live", () => {
    const base = rowOf(summary, "Net present value as given, at build")!;
    const notes = Array.from({ length: base - title - 1 }, (_, i) => valueAt(summary, title + 1 + i, 0)).join(" ");
    expect(notes).toContain("NOT LIVE: computed when this workbook was built (2026-11-23 12:00 UTC)");
    expect(valueAt(summary, base, 2)).toBe("not live (the live one is in Key figures)");
    // The live alternative is told to the model's author, in the notes at the end.
    const about = rowOf(summary, "About this workbook")!;
    expect(
      summary.cells.some(
        (c) =>
          c.row > about &&
          c.content.kind === "text" &&
          c.content.value.includes("=CVM.SENSITIVITY(CVM_Elements,CVM_Variables,CVM_Settings)"),
      ),
    ).toBe(true);
    // The note is text: it must not become a formula.
    expect(summary.cells.find((c) => c.row === title + 1 && c.column === 0)!.content.kind).toBe("text");
  });

  test("a tornado chart over the NPV changes, in adjacent columns past the printed ones, beside the table, categories the variables", () => {
    const tornado = summary.charts.find((c): c is TornadoChart => c.kind === "tornado")!;
    expect(tornado.categories).toBe(`A${header + 2}:A${header + 3}`);
    // Two years: the element table ends with Total (G), Category (H) and Id (I), and the chart
    // spans G to K beside the table: its numbers follow in L and M, under no chart.
    expect(rowValues(summary, header, 11, 12)).toEqual(["NPV change at Low", "NPV change at High"]);
    expect(tornado.series.map((s) => [s.name, s.values])).toEqual([
      ["NPV change at Low", `L${header + 2}:L${header + 3}`],
      ["NPV change at High", `M${header + 2}:M${header + 3}`],
    ]);
    const base = npvOf(100, 0.2);
    expect(valueAt(summary, header + 1, 11)).toBeCloseTo(npvOf(100, 0.1) - base, 9);
    expect(valueAt(summary, header + 1, 12)).toBeCloseTo(npvOf(100, 0.5) - base, 9);
    // Beside the table, from its header row, inside the printed columns, over no planned cell.
    expect(tornado.anchor).toMatchObject({ row: header, column: 6, columns: 5 });
    expect(tornado.anchor.column + tornado.anchor.columns - 1).toBeLessThanOrEqual(summary.page!.printArea.lastColumn);
    const under = summary.cells.filter(
      (c) =>
        c.row >= tornado.anchor.row &&
        c.row < tornado.anchor.row + tornado.anchor.rows &&
        c.column >= tornado.anchor.column &&
        c.column < tornado.anchor.column + tornado.anchor.columns,
    );
    expect(under).toEqual([]);
  });

  test("the only pasted numbers on the sheet are labelled: at build, ramp shares, settings defaults, year 0", () => {
    const pasted = summary.cells.filter((c) => c.content.kind === "number");
    const atBuild = pasted.filter((c) => c.row >= title && c.row <= header + 2);
    const shares = pasted.filter((c) => c.style === "share");
    const others = pasted.filter((c) => !atBuild.includes(c) && !shares.includes(c));
    expect(atBuild.every((c) => c.style === "staticMoney" || c.style === "staticNumber")).toBe(true);
    expect(others.map((c) => valueAt(summary, c.row, 0)).sort()).toEqual(
      ["Annual cost", "Benefit", "Conservative: benefit", "Optimistic: benefit", "Years"].sort(),
    );
    // Year 0 has no benefit by definition; everything else that is not a formula is one of the above.
    expect(
      others
        .filter((c) => String(valueAt(summary, c.row, 0)).endsWith("benefit") || valueAt(summary, c.row, 0) === "Benefit")
        .every((c) => c.content.kind === "number" && c.content.value === 0 && c.column === 3),
    ).toBe(true);
    expect(shares.every((c) => c.row > rowOf(summary, "Scenarios")! && c.row < rowOf(summary, "Cash flow by scenario")!)).toBe(true);
  });
});

describe("value realization", () => {
  const title = rowOf(summary, "Value realization")!;

  test("lists the measured elements with live estimate, actual, share and gap, and the total", () => {
    const header = title + 3;
    expect(rowValues(summary, header, 0, 4)).toEqual(["Element", "Estimated (full realization)", "Actual", "Realized", "Gap"]);
    const r = header + 2;
    // Saving's annual value is in column D of the element table; its Actual is El!F2.
    expect(rowValues(summary, header + 1, 0, 4)).toEqual([
      "Saving",
      `=$D$${savingRow + 1}`,
      "=IF(ISNUMBER(El!$F$2),El!$F$2,NA())",
      `=IF(B${r}=0,NA(),C${r}/B${r})`,
      `=C${r}-B${r}`,
    ]);
    expect(valueAt(summary, header + 2, 0)).toBe("Total, measured elements");
    expect(valueAt(summary, header + 3, 0)).toBe("Estimated, not yet measured (1 element)");
    expect(String(valueAt(summary, title + 1, 0))).toContain("for the 1 of 2 elements measured so far");
  });

  test("is absent while no element has an Actual", () => {
    const none: WorkbookInput = { ...INPUT, elements: { ...INPUT.elements!, values: INPUT.elements!.values.map((r) => r.slice(0, 5)) } };
    expect(rowOf(sheetOf(plan(none), "Value Summary"), "Value realization")).toBeUndefined();
  });
});

describe("when each Actual was first recorded", () => {
  const log = (p: WorkbookPlan) => sheetOf(p, "Assumptions Log");
  const first = plan();
  const dateColumn = 10;
  const savingRow = (p: WorkbookPlan) =>
    log(p).cells.find(
      (c) => c.column === 0 && c.content.kind === "text" && c.content.value === "Saving" && c.row > rowOf(log(p), "Value elements")!,
    )!.row;
  const rebuiltFrom = (previous: WorkbookPlan, input: WorkbookInput, now: Date) =>
    plan(
      input,
      {
        sheets: [...EXISTING.sheets, "Value Summary", "Assumptions Log", "CVM_Meta"],
        names: previous.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
        record: recordValues(sheetOf(previous, "CVM_Meta")),
      },
      now,
    );

  test("the first build dates each Actual and lists it in the history", () => {
    const row = savingRow(first);
    expect(rowValues(log(first), row - 1, 9, 11)).toEqual(["Actual", "Actual first recorded", "Annual value"]);
    expect(valueAt(log(first), row, 9)).toBe(150);
    expect(valueAt(log(first), row, dateColumn)).toBe(excelSerialDate(NOW));
    const history = log(first)
      .cells.filter((c) => c.column >= 12 && c.row === 5)
      .sort((a, b) => a.column - b.column)
      .map(content);
    expect(history).toEqual([excelSerialDate(NOW), "Element", "Saving", "Actual", "(none)", 150]);
  });

  test("a rebuild keeps the date while the Actual stays, and dates a changed Actual anew", () => {
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    const same = rebuiltFrom(first, INPUT, later);
    expect(valueAt(log(same), savingRow(same), dateColumn)).toBe(excelSerialDate(NOW));
    const changed: WorkbookInput = {
      ...INPUT,
      elements: { ...INPUT.elements!, values: INPUT.elements!.values.map((r) => (r[0] === "Saving" ? [...r.slice(0, 5), 180] : r)) },
    };
    const moved = rebuiltFrom(same, changed, later);
    expect(valueAt(log(moved), savingRow(moved), dateColumn)).toBe(excelSerialDate(later));
  });
});

/** The record sheet's cells as an adapter would read them back. */
function recordValues(s: SheetPlan): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const c of s.cells) {
    rows[c.row] ??= [];
    rows[c.row]![c.column] = c.content.kind === "formula" ? c.content.formula : c.content.value;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? ""));
}

describe("the titles", () => {
  test("are plain text when the settings name neither customer nor offering", () => {
    expect(summary.cells.find((c) => c.row === 0 && c.column === 0)!.content).toEqual({ kind: "text", value: "Value Summary" });
  });

  test("read the Customer cell live, so that a switch of customer renames the sheets' titles without a rebuild", () => {
    const named: WorkbookInput = {
      ...INPUT,
      settings: { address: "Set!A1:B5", values: [...INPUT.settings!.values, ["Customer", 'Contoso "West"']] },
    };
    const built = plan(named);
    expect(sheetOf(built, "Value Summary").cells.find((c) => c.row === 0 && c.column === 0)!.content).toEqual({
      kind: "formula",
      formula: `=IF(AND(""="",Set!$B$5=""),"Value Summary","Value"&IF(""="",""," of "&"")&IF(Set!$B$5="",""," to "&Set!$B$5))`,
      value: 'Value to Contoso "West"',
    });
    expect(sheetOf(built, "Assumptions Log").cells.find((c) => c.row === 0 && c.column === 0)!.content).toEqual({
      kind: "formula",
      formula: `="Assumptions Log"&IF(AND(""="",Set!$B$5=""),"",": "&""&IF(AND(""<>"",Set!$B$5<>"")," for ","")&Set!$B$5)`,
      value: 'Assumptions Log: Contoso "West"',
    });
  });
});

describe("a formula longer than Excel allows", () => {
  test("is refused before anything is written, with the cell it would have gone to", () => {
    // 700 uses of a ranged variable: ~4,200 characters as written, far more with its Low cell put in.
    const long = Array.from({ length: 700 }, () => "Units").join("+");
    expect(long.length).toBeLessThan(8192);
    const input: WorkbookInput = {
      ...INPUT,
      elements: {
        address: "El!A1:C2",
        values: [
          ["Element", "Id", "Formula"],
          ["Wide", "Wide", long],
        ],
      },
    };
    const analysis = analyzeWorkbook(input);
    if (!analysis.ok) throw new Error("the long formula itself is valid");
    const outcome = planBuild(analysis.model, analysis.results, EXISTING, NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toHaveLength(2);
    expect(outcome.problems[0]).toMatchObject({ severity: "error", code: "formula-too-long", cell: { sheet: "Value Summary", column: 1 } });
    expect(outcome.problems[0]!.message).toMatch(
      /^The add-in would write a formula of [\d,]+ characters in 'Value Summary'!B\d+, and Excel allows 8,192\./,
    );
  });
});
