import { npvSensitivity, type NpvAt } from "../model/sensitivity";
import { COLORS } from "./formats";
import { relative, type SummaryGrid } from "./summary-grid";
import { wrapWords } from "./text-lines";
import type { TornadoChart } from "./types";

/** The first four columns are CVM.SENSITIVITY's, in its order, so the two tables read alike. */
const HEADERS = ["Variable", "NPV at Low", "NPV at High", "Swing", "Low", "High", "NPV change at Low", "NPV change at High"] as const;
const NOTE_COLUMN = HEADERS.length;

/**
 * The NPV's sensitivity: each variable with a Low and a High set alone to each end, the others
 * as given, largest swing first, as a table and a tornado chart. A live version would need the
 * whole cash flow twice per variable on the sheet, so these are numbers the core computed at
 * build time, shown in their own colour and labelled as such beside them; CVM.SENSITIVITY gives
 * the same table live where the add-in is installed. Absent when no variable has a range.
 */
export function planSensitivity(g: SummaryGrid, start: number, built: string): { nextRow: number; chart: TornadoChart; blocks: { first: number; last: number }[] } | undefined {
  const { s, model } = g;
  const rows = npvSensitivity(model, g.results);
  if (rows.length === 0) return undefined;
  const base = g.results.totals.NPV;

  s.text(start, 0, "Sensitivity of the net present value", "section");
  const lines = wrapWords(
    `Each variable that has a Low and a High moved alone to its Low, then to its High, every other variable as given; largest swing first. NOT LIVE: computed when this workbook was built (${built}); build again after changing inputs.`,
    120,
  );
  lines.forEach((line, i) => s.text(start + 1 + i, 0, line, "note"));
  const baseRow = start + 1 + lines.length;
  s.text(baseRow, 0, "Net present value as given, at build", "label");
  s.number(baseRow, 1, base, "staticMoney");
  s.text(baseRow, 2, "not live (the live one is in Key figures)", "note");

  const header = baseRow + 1;
  HEADERS.forEach((h, c) => s.text(header, c, h, c === 0 ? "header" : "headerRight"));
  s.text(header, NOTE_COLUMN, "numbers at build, not live", "note");
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
    if (row.low.ok) s.number(r, 6, row.low.npv - base, "staticMoney");
    if (row.high.ok) s.number(r, 7, row.high.npv - base, "staticMoney");
    const failed = [row.low.ok ? undefined : `at its Low: ${reason(row.low)}`, row.high.ok ? undefined : `at its High: ${reason(row.high)}`].filter(Boolean);
    if (failed.length > 0) s.text(r, NOTE_COLUMN, `The model has no NPV ${failed.join("; ")}`, "note");
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
      { name: "NPV change at Low", values: `${relative(first, 6)}:${relative(last, 6)}`, color: COLORS.lowBar },
      { name: "NPV change at High", values: `${relative(first, 7)}:${relative(last, 7)}`, color: COLORS.highBar },
    ],
    // Below the table, never beside it: the table is as wide as a printed page.
    anchor: { row: last + 2, column: 0, columns: 4, rows: Math.max(10, rows.length + 5) },
  };
  const chartLast = chart.anchor.row + chart.anchor.rows - 1;
  return { nextRow: chartLast, chart, blocks: [{ first: start, last }, { first: last + 1, last: chartLast }] };
}

function reason(at: Extract<NpvAt, { ok: false }>): string {
  const first = at.problems[0];
  return first ? `${first.message}` : "it does not compute";
}
