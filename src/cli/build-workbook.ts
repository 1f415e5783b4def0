import { loadXlsx } from "../adapters/xlsx/read";
import { xlsxWorkbook, type XlsxApplied } from "../adapters/xlsx/workbook-port";
import { buildWorkbook, type BuildOutcome } from "../app/pipeline";

/** A `cvm build`: the value workbook's bytes, or the problems. */
export type FileBuildOutcome = BuildOutcome<XlsxApplied>;

/** Reads a model workbook's bytes and returns the bytes of its value workbook, or the problems. */
export async function buildValueWorkbook(input: Uint8Array, now: Date): Promise<FileBuildOutcome> {
  return buildWorkbook(xlsxWorkbook(await loadXlsx(input)), { now });
}
