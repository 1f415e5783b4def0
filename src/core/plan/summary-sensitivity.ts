import { npvSensitivity, type NpvAt } from "../model/sensitivity";
import { COLORS } from "./formats";
import { relative, type SummaryGrid } from "./summary-grid";
import { wrapWords } from "./text-lines";
import type { TornadoChart } from "./types";

/** The first four columns are CVM.SENSITIVITY's, in its order, so the two tables read alike. */
const HEADERS = ["Variable", "NPV at Low", "NPV at High", "Swing", "Low", "High"] as const;

/**
 * Where the section's parts go besides its table: the tornado chart beside the table, on the
 * printed page; the chart's own numbers (each end's change of the NPV) and any note of an end
 * that does not compute, in columns past the printed ones, where a reader who scrolls finds them.
 */
export interface SensitivityPlace {
  readonly chartColumn: number;
  readonly chartColumns: number;
  readonly dataColumn: number;
}

/**
 * The NPV's sensitivity: each variable with a Low and a High set alone to each end, the others
 * as given, largest swing first, as a table and a tornado chart. A live version would need the
 * whole cash flow twice per variable on the sheet, so these are numbers the core computed at
 * build time, shown in their own colour and labelled as such beside them; CVM.SENSITIVITY gives
 * the same table live where the add-in is installed. Absent when no variable has a range.
 */
export function planSensitivity(
  g: SummaryGrid,
  start: number,
  built: string,
  place: SensitivityPlace,
): { nextRow: number; chart: TornadoChart; blocks: { first: number; last: number }[] } | undefined {
  const { s, model } = g;
  const rows = npvSensitivity(model, g.results);
  if (rows.length === 0) return undefined;
  const base = g.results.totals.NPV;

  s.text(start, 0, "Sensitivity of the net present value", "section");
  const lines = wrapWords(
    `Each variable that has a Low and a High moved alone to its Low, then to its High, every other variable as given; largest swing first. NOT LIVE: computed when this workbook was built (${built}); build again after changing inputs.`,
    170,
  );
  lines.forEach((line, i) => s.text(start + 1 + i, 0, line, "note"));
  const baseRow = start + 1 + lines.length;
  s.text(baseRow, 0, "Net present value as given, at build", "label");
  s.number(baseRow, 1, base, "staticMoney");
  s.text(baseRow, 2, "not live (the live one is in Key figures)", "note");

  const header = baseRow + 1;
  HEADERS.forEach((h, c) => s.text(header, c, h, c === 0 ? "header" : "headerRight"));
  const [lowChange, highChange, noteColumn] = [place.dataColumn, place.dataColumn + 1, place.dataColumn + 2];
  s.text(header, lowChange, "NPV change at Low", "headerRight");
  s.text(header, highChange, "NPV change at High", "headerRight");
  const first = header + 1;
  rows.forEach((row, i) => {
    const r = first + i;
    const { variable } = row;
    s.text(r, 0, variable.name, "text");
    end(r, 1, row.low);
    end(r, 2, row.high);
    if (row.swing !== undefined) s.number(r, 3, row.swing, "staticMoney");
    s.number(r, 4, variable.range!.low, s.withFormat("staticNumber", variable.numberFormat));
    s.number(r, 5, variable.range!.high, s.withFormat("staticNumber", variable.numberFormat));
    if (row.low.ok) s.number(r, lowChange, row.low.npv - base, "staticMoney");
    if (row.high.ok) s.number(r, highChange, row.high.npv - base, "staticMoney");
    const failed = [
      row.low.ok ? undefined : `at its Low: ${reason(row.low)}`,
      row.high.ok ? undefined : `at its High: ${reason(row.high)}`,
    ].filter(Boolean);
    if (failed.length > 0) s.text(r, noteColumn, `The model has no NPV ${failed.join("; ")}`, "note");
  });
  const last = first + rows.length - 1;

  function end(r: number, column: number, at: NpvAt): void {
    if (at.ok) s.number(r, column, at.npv, "staticMoney");
    else s.text(r, column, "no NPV", "note");
  }

  const chart: TornadoChart = {
    kind: "tornado",
    title: "NPV sensitivity (at build)",
    categories: `${relative(first, 0)}:${relative(last, 0)}`,
    series: [
      { name: "NPV change at Low", values: `${relative(first, lowChange)}:${relative(last, lowChange)}`, color: COLORS.lowBar },
      { name: "NPV change at High", values: `${relative(first, highChange)}:${relative(last, highChange)}`, color: COLORS.highBar },
    ],
    // Beside the table, from its header down: the section prints as one block.
    anchor: { row: header, column: place.chartColumn, columns: place.chartColumns, rows: Math.max(12, rows.length + 2) },
  };
  const lastRow = Math.max(last, chart.anchor.row + chart.anchor.rows - 1);
  return { nextRow: lastRow, chart, blocks: [{ first: start, last: lastRow }] };
}

function reason(at: Extract<NpvAt, { ok: false }>): string {
  const first = at.problems[0];
  return first ? `${first.message}` : "it does not compute";
}
