import { type CellValue, cellErrorCode, describeCell, isBlank } from "../workbook/cells";

/**
 * A cell that must hold a number. Numbers stored as text are refused rather than guessed at:
 * Excel's own SUM ignores them, so accepting them here would make the written workbook disagree
 * with the add-in.
 */
export type NumberRead = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

export function readNumberCell(value: CellValue | undefined, what: string): NumberRead {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `${what} is not a finite number.` };
  }
  if (isBlank(value)) return { ok: false, message: `${what} is empty; enter a number.` };
  if (cellErrorCode(value)) return { ok: false, message: `${what} holds ${describeCell(value)}; fix the cell so that it shows a number.` };
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.replace(/%$/, "")))) {
    return {
      ok: false,
      message: `${what} holds ${describeCell(value)}, a number stored as text; enter it as a number (without quotes or a leading apostrophe).`,
    };
  }
  return { ok: false, message: `${what} holds ${describeCell(value)}; enter a number.` };
}
