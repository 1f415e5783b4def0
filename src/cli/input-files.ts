import { promises as fs, statSync } from "node:fs";
import * as path from "node:path";
import { packageFault } from "../adapters/xlsx/read";

/**
 * What the command line says when it cannot read an input or write an output: one sentence that
 * names the file, says what is wrong with it and what to do, never a library's own words (a zip
 * library's "End of data reached" tells a sales engineer nothing). The kind of an input is
 * checked from its first bytes before any library sees it, so that a CSV given as the model, or a
 * workbook given as the CSV, is named for what it is.
 */

export type InputKind = "model" | "csv";

const GIVE: Record<InputKind, string> = {
  model: "give the model workbook (.xlsx) saved from Excel",
  csv: 'give the customers CSV file (in Excel: Save As, "CSV UTF-8 (Comma delimited)")',
};

/** An .xlsx is a zip package: a local file header first. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: Excel 97–2003 (.xls), or any Office file protected by a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Text has no NUL byte, except UTF-16, which says so with its byte order mark. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, 8192).includes(0);
}

function cannotRead(file: string, error: unknown, kind: InputKind): string {
  const code = (error as NodeJS.ErrnoException).code;
  // The message of a missing file is the one tests and users already know.
  if (code === "ENOENT") return `cvm: cannot read ${file}: no such file`;
  if (code === "EISDIR") return `cvm: cannot read ${file}: it is a folder; ${GIVE[kind]}.`;
  if (code === "EACCES" || code === "EPERM")
    return `cvm: cannot read ${file}: you are not allowed to read it; change its permissions, or copy it to a folder of your own and give that copy.`;
  if (code === "ENOTDIR") return `cvm: cannot read ${file}: a part of its path is a file, not a folder; check the path.`;
  return `cvm: cannot read ${file} (${code ?? "the system refused"}); check that it is there and readable, or copy it to a folder of your own and give that copy.`;
}

/** Why bytes that are not a zip package cannot be the model workbook. */
function notAWorkbook(file: string, bytes: Uint8Array): string {
  const as = `cvm: cannot read ${file} as an Excel workbook (.xlsx)`;
  if (bytes.length === 0) return `${as}: the file is empty; ${GIVE.model}.`;
  if (startsWith(bytes, OLE))
    return `${as}: it is an old Excel file (.xls) or a workbook protected by a password; open it in Excel and save it as "Excel Workbook (.xlsx)" without a password.`;
  if (looksLikeText(bytes)) return `${as}: it is a text file (a CSV?), not a workbook; ${GIVE.model}.`;
  return `${as}: it is not one; ${GIVE.model}.`;
}

/** Why bytes cannot be the customers CSV, or undefined when they are text. */
function notACsv(file: string, bytes: Uint8Array): string | undefined {
  const as = `cvm: cannot read ${file} as a CSV file`;
  if (startsWith(bytes, ZIP))
    return `${as}: it is an Excel workbook (or another zip file), not text; in Excel, save the customers sheet with Save As, "CSV UTF-8 (Comma delimited)", and give that file.`;
  if (startsWith(bytes, OLE))
    return `${as}: it is an old Excel file (.xls), not text; in Excel, save the customers sheet with Save As, "CSV UTF-8 (Comma delimited)", and give that file.`;
  if (!looksLikeText(bytes)) return `${as}: it is not text; ${GIVE.csv}.`;
  return undefined;
}

/**
 * The bytes of an input, or undefined once the reason it cannot be used is printed. A model
 * must be a zip package (what the workbook inside is like is checked when it is opened); a CSV
 * must be text.
 */
export async function readInputFile(file: string, kind: InputKind, stderr: (text: string) => void): Promise<Uint8Array | undefined> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    // A pipe or a device would be read until it ends, if ever.
    if (!stat.isFile()) {
      stderr(`cvm: cannot read ${file}: it is not a file (a device or a pipe); ${GIVE[kind]}.\n`);
      return undefined;
    }
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    stderr(`${cannotRead(file, e, kind)}\n`);
    return undefined;
  }
  const wrong = kind === "model" ? (startsWith(bytes, ZIP) ? undefined : notAWorkbook(file, bytes)) : notACsv(file, bytes);
  if (wrong) {
    stderr(`${wrong}\n`);
    return undefined;
  }
  return bytes;
}

/**
 * Why a zip package could not be opened as a workbook, or undefined when it opens: then the
 * failure was not the file's, and the caller lets the error through.
 */
export async function whyNotAWorkbook(file: string, bytes: Uint8Array): Promise<string | undefined> {
  const as = `cvm: cannot read ${file} as an Excel workbook (.xlsx)`;
  switch (await packageFault(bytes)) {
    case "damaged-zip":
      return `${as}: the file is damaged (cut short in copying or downloading, or changed by another program); copy it again from where it came, or open it in Excel, let Excel repair it and save it again.`;
    case "not-a-workbook":
      return `${as}: it is a zip file but not an Excel workbook (perhaps a Word or PowerPoint document); ${GIVE.model}.`;
    case "damaged-part":
      return `${as}: a part of the workbook inside is damaged or not as Excel writes it; open it in Excel, save it again and give that copy.`;
  }
  return undefined;
}

/** The folder a write into `target` failed in: itself when it is one, else its nearest existing parent. */
function nearestFolder(target: string): string {
  let at = path.resolve(target);
  for (;;) {
    let isFolder = false;
    try {
      isFolder = statSync(at).isDirectory();
    } catch {
      // Missing, or a file on the way: look further up.
    }
    if (isFolder || at === path.dirname(at)) return at;
    at = path.dirname(at);
  }
}

/**
 * Why an output cannot be written; `elsewhere` tells how to choose another place ("choose
 * another place with --out").
 */
export function cannotWrite(target: string, error: unknown, elsewhere: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = nearestFolder(target);
  switch (code) {
    case "EISDIR":
      return `cvm: cannot write ${target}: it is a folder; name a file ending in .xlsx instead.`;
    case "EACCES":
    case "EPERM":
      return `cvm: cannot write ${target}: you are not allowed to write in ${folder}; ${elsewhere}, or change the folder's permissions.`;
    case "EROFS":
      return `cvm: cannot write ${target}: ${folder} is on a read-only disk; ${elsewhere}.`;
    case "ENOSPC":
    case "EDQUOT":
      return `cvm: cannot write ${target}: the disk is full; free some space, or ${elsewhere}.`;
    case "ENOTDIR":
    case "EEXIST":
      return `cvm: cannot write ${target}: a part of its path is a file, not a folder; ${elsewhere}.`;
    case "ENAMETOOLONG":
      return `cvm: cannot write ${target}: the path is too long; ${elsewhere}.`;
    default:
      return `cvm: cannot write ${target} (${code ?? (error as Error).message}); ${elsewhere}.`;
  }
}

/** An output file that is in fact a folder, said before any work is done; undefined when it is not one. */
export async function outputIsFolder(target: string): Promise<string | undefined> {
  const stat = await fs.stat(target).catch(() => undefined);
  return stat?.isDirectory() ? cannotWrite(target, { code: "EISDIR" }, "") : undefined;
}
