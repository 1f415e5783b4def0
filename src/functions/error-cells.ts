import type { Analysis } from "../core/model/analyze";
import { error, type Problem } from "../core/problems";
import { cellText, RANGE_NAMES } from "../core/workbook/cells";
import { type ArgumentName, type Grid, sanitizeCell } from "./grid";

/**
 * functions.json sets allowErrorForDataTypeAny, so Excel calls the functions even when a range
 * argument holds error cells, and hands each such cell over as a CustomFunctions.Error (`code` is
 * the error's text, such as "#DIV/0!"). Without this, Excel would answer #DIV/0! for the whole
 * call without running it, and CVM.ISSUES could never say which cell is wrong.
 */
export function cellErrorCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { code, type, basicValue } = value as { code?: unknown; type?: unknown; basicValue?: unknown };
  if (typeof code === "string" && code.startsWith("#")) return code;
  // A rich value (Excel.ErrorCellValue) carries the error's text as its basicValue.
  if (type === "Error" && typeof basicValue === "string" && basicValue.startsWith("#")) return basicValue;
  return undefined;
}

const ARGUMENTS: readonly ArgumentName[] = ["elements", "variables", "settings"];

/** The column as the user knows it: its header, or its position when the header says nothing. */
function columnName(grid: Grid, column: number): string {
  const header = grid[0]?.[column];
  const text = cellErrorCode(header) ? "" : cellText(sanitizeCell(header));
  return text === "" ? String(column + 1) : text;
}

/** One error problem per error cell of the passed ranges, located as the core locates cells. */
export function errorCellProblems(grids: Partial<Record<ArgumentName, Grid | undefined>>): Problem[] {
  const problems: Problem[] = [];
  for (const name of ARGUMENTS) {
    const grid = grids[name];
    if (!grid) continue;
    grid.forEach((row, r) =>
      row.forEach((value, c) => {
        const code = cellErrorCode(value);
        if (!code) return;
        const message = `Row ${r + 1}, column ${columnName(grid, c)} of the ${name} range holds ${code}: fix that cell, or the cells its formula refers to.`;
        problems.push(error("cell-error", RANGE_NAMES[name], message, { sheet: name, row: r, column: c }));
      }),
    );
  }
  return problems;
}

/**
 * The analysis with the error cells as errors of their own, first, in place of whatever the core
 * made of the error's text at the same cell (it reads "#DIV/0!" as a name or a formula and says
 * something less exact, or nothing). A model with an error cell never computes: a number from a
 * range Excel itself could not compute would be a silent wrong answer.
 */
export function withErrorCells(analysis: Analysis, grids: Partial<Record<ArgumentName, Grid | undefined>>): Analysis {
  const cells = errorCellProblems(grids);
  if (cells.length === 0) return analysis;
  const at = new Set(cells.map((p) => `${p.range}|${p.cell?.row}|${p.cell?.column}`));
  const rest = analysis.problems.filter((p) => !p.cell || !at.has(`${p.range}|${p.cell.row}|${p.cell.column}`));
  return { ok: false, problems: [...cells, ...rest] };
}
