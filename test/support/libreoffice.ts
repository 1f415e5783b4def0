/**
 * Test support: let LibreOffice recalculate .xlsx files headlessly and read the
 * recalculated values back by workbook-scoped defined name.
 *
 * How it works
 * - Every call to recalculateWithLibreOffice() creates a private, throwaway user
 *   profile (`-env:UserInstallation=file:///tmp/cvm-lo-XXXX/profile`) whose
 *   user/registrymodifications.xcu sets
 *   /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always
 *   recalculate"); without it LibreOffice keeps the cached <v> of formula cells
 *   (verified: a stale `{ formula: 'Miles*2', result: 999 }` stays 999, while a
 *   formula cell without any cached value is computed either way). The private
 *   profile also isolates runs from a user's running office (soffice would
 *   otherwise hand the job to it) and from each other (parallel jest workers).
 * - All inputs are converted by ONE soffice invocation (start-up dominates) into
 *   a private output directory, then copied to outDir, so a stale file in outDir
 *   can never pass for a fresh result.
 * - The child runs in its own process group and the whole group is SIGKILLed on
 *   timeout (the `soffice` wrapper script execs oosplash, which forks soffice.bin).
 *
 * Measured here (LibreOffice 7.4.7.2, Debian 12, libreoffice-calc-nogui):
 * - One conversion, fresh profile included, takes ~0.85-0.9 s wall clock; a batch
 *   of two small files in one run ~0.92 s; two runs in parallel (separate
 *   profiles) ~0.92 s together. The whole libreoffice.test.ts (3 soffice starts)
 *   runs in ~2.5 s. Creating a fresh profile costs nearly nothing, so there is no
 *   point in caching one.
 * - soffice exits with status 0 even when an input cannot be loaded; it only
 *   prints "Error: source file could not be loaded" (without the file name) on
 *   stderr. So success is judged by the presence of every output file.
 * - stderr always contains "Warning: failed to launch javaldx - java may not
 *   function correctly" (no Java installed); harmless.
 *
 * Surprises in what LibreOffice writes back
 * - Defined names are re-emitted sorted by name, workbook-scoped ones first and
 *   sheet-scoped ones (localSheetId) last, each with extra attributes
 *   function="false" hidden="false" vbProcedure="false". The case of names is
 *   preserved ("lowerRate" stays "lowerRate"), but references to names inside
 *   formulas are rewritten to the defined spelling (`rate*4` -> `Rate*4`).
 *   References are kept as written: "Inputs!B3" stays relative,
 *   "Inputs!$B$2:$B$2" stays a one-cell range, "'Bob''s Sheet'!$C$1" keeps its
 *   doubled apostrophe, constants ("0.5") and expressions ("Inputs!$B$2*2") survive.
 * - Number formats are kept (e.g. "0.00", "#,##0"), but LibreOffice ADDS formats
 *   it infers from the function: NPV() results get the currency format
 *   "[$$-409]#,##0.00;[RED]\-[$$-409]#,##0.00" (ExcelJS reads it back without the
 *   backslash), TODAY()/DATE() results get "mm/dd/yy"; a Date that ExcelJS wrote
 *   (built-in format 14) comes back as "m/d/yyyy". ExcelJS then returns such
 *   date-formatted cells as JS Date objects; readDefinedNameValues() turns them
 *   back into Excel serial numbers.
 * - Errors are written as t="e" with the text ("#N/A", "#DIV/0!"); a formula
 *   returning "" is written as t="str" with an empty <v/>, which ExcelJS reads
 *   as a formula without result (reported here as "").
 *
 * Surprises in ExcelJS (4.4.0) workbook.definedNames.model — why we do NOT use it
 * for name resolution and parse xl/workbook.xml ourselves instead:
 * - It returns [{ name, ranges: ["'Value Summary'!$B$1"] }] with the sheet name
 *   still quoted AND still escaped ("'Bob''s Sheet'!$C$1"), so it cannot be fed
 *   to workbook.getWorksheet() as is.
 * - It drops localSheetId: a sheet-scoped "Miles" silently REPLACES the
 *   workbook-scoped "Miles" (last one wins).
 * - It is a cell matrix, not the formula text: "Inputs!$B$2*2" becomes
 *   "Inputs!$B$2", two disjoint cells "Inputs!$B$2,Inputs!$B$3" become the range
 *   "Inputs!$B$2:$B$3", constants such as "0.5" disappear.
 * Cell values are still read with ExcelJS.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export const LIBREOFFICE_MISSING_MESSAGE = "LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui";

/** Default limit for one soffice run; a hung office must not hang the suite (jest testTimeout is 120 s). */
export const DEFAULT_LIBREOFFICE_TIMEOUT_MS = 90_000;

export type DefinedNameValue = number | string | boolean | null;

export interface RecalculateOptions {
  /** Kill soffice (its whole process group) after this many milliseconds. */
  timeoutMs?: number;
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!fs.statSync(candidate).isFile()) return false;
    fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of the soffice executable, or undefined. `SOFFICE_PATH` overrides the search. */
export function findLibreOffice(): string | undefined {
  const override = process.env.SOFFICE_PATH;
  if (override) return isExecutableFile(override) ? override : undefined;

  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }

  const wellKnown = [
    "/usr/lib/libreoffice/program/soffice",
    "/usr/lib64/libreoffice/program/soffice",
    "/usr/local/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ];
  try {
    for (const entry of fs.readdirSync("/opt")) {
      if (/^libreoffice/i.test(entry)) wellKnown.push(path.join("/opt", entry, "program", "soffice"));
    }
  } catch {
    // no /opt
  }
  return wellKnown.find(isExecutableFile);
}

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so that a timeout can kill oosplash AND soffice.bin.
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === "win32") child.kill("SIGKILL");
        else process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Leave nothing behind even if soffice.bin outlived the launcher.
      if (timedOut || code !== 0) killGroup();
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Let LibreOffice load each .xlsx (recalculating every formula) and save it again
 * as .xlsx into outDir. Returns the paths of the recalculated copies, in input order.
 * All inputs go through one soffice process; their base names must be distinct.
 */
export async function recalculateWithLibreOffice(inputs: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  return convertWithLibreOffice(inputs, outDir, { convertTo: "xlsx:Calc MS Excel 2007 XML", extension: "xlsx" }, options);
}

/** What soffice converts to: its `--convert-to` argument, and the extension of what it writes. */
export interface ConversionTarget {
  readonly convertTo: string;
  readonly extension: string;
}

/**
 * Let LibreOffice load each input (recalculating every formula, as recalculateWithLibreOffice
 * does) and convert it, e.g. to PDF, into outDir. Returns the paths of the outputs, in input order.
 */
export async function convertWithLibreOffice(
  inputs: string[],
  outDir: string,
  target: ConversionTarget,
  options: RecalculateOptions = {},
): Promise<string[]> {
  const soffice = findLibreOffice();
  if (!soffice) throw new Error(LIBREOFFICE_MISSING_MESSAGE);
  if (inputs.length === 0) return [];

  const absInputs = inputs.map((p) => path.resolve(p));
  const outNames = absInputs.map((p) => `${path.parse(p).name}.${target.extension}`);
  for (const p of absInputs) {
    if (!fs.existsSync(p)) throw new Error(`convertWithLibreOffice: input not found: ${p}`);
  }
  const seen = new Map<string, string>();
  outNames.forEach((name, i) => {
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      throw new Error(`convertWithLibreOffice: ${other} and ${absInputs[i]} would both be written as ${name}`);
    }
    seen.set(key, absInputs[i]!);
  });

  const timeoutMs = options.timeoutMs ?? DEFAULT_LIBREOFFICE_TIMEOUT_MS;
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), "cvm-lo-"));
  try {
    const profile = path.join(work, "profile");
    const convertDir = path.join(work, "out");
    await fs.promises.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.promises.mkdir(convertDir);
    await fs.promises.writeFile(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--convert-to",
      target.convertTo,
      "--outdir",
      convertDir,
      ...absInputs,
    ];
    const started = Date.now();
    const result = await run(soffice, args, timeoutMs);
    const elapsed = Date.now() - started;
    const missing = outNames.filter((name) => !fs.existsSync(path.join(convertDir, name)));
    if (result.timedOut || result.code !== 0 || missing.length > 0) {
      const why = result.timedOut
        ? `timed out after ${timeoutMs} ms`
        : result.code !== 0
          ? `exited with ${result.code ?? result.signal}`
          : `produced no output for ${missing.join(", ")}`;
      throw new Error(
        `LibreOffice conversion to ${target.extension} ${why} (${elapsed} ms, ${soffice}).\n` +
          `inputs: ${absInputs.join(", ")}\n` +
          `stderr: ${result.stderr.trim() || "(empty)"}\n` +
          `stdout: ${result.stdout.trim() || "(empty)"}`,
      );
    }

    await fs.promises.mkdir(outDir, { recursive: true });
    const outputs: string[] = [];
    for (const name of outNames) {
      const target = path.resolve(outDir, name);
      await fs.promises.copyFile(path.join(convertDir, name), target);
      outputs.push(target);
    }
    return outputs;
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

// ---------------------------------------------------------------------------
// Reading values back

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

function parseAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ""));
  }
  return attrs;
}

interface RawDefinedName {
  name: string;
  localSheetId?: number;
  formula: string;
}

/** The <definedName> elements of the workbook part, as written (ExcelJS loses scope and formula text). */
async function readRawDefinedNames(zip: JSZip): Promise<RawDefinedName[]> {
  let workbookPart = "xl/workbook.xml";
  const rels = await zip.file("_rels/.rels")?.async("string");
  if (rels) {
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const attrs = parseAttributes(m[1]!);
      if (/\/officeDocument$/.test(attrs.get("Type") ?? "") && attrs.get("Target")) {
        workbookPart = attrs.get("Target")!.replace(/^\//, "");
        break;
      }
    }
  }
  const xml = await zip.file(workbookPart)?.async("string");
  if (xml === undefined) throw new Error(`no workbook part ${workbookPart}`);
  const names: RawDefinedName[] = [];
  const re = /<((?:\w+:)?definedName)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
  for (const m of xml.matchAll(re)) {
    const attrs = parseAttributes(m[2]!);
    const name = attrs.get("name");
    if (!name) continue;
    const local = attrs.get("localSheetId");
    names.push({
      name,
      localSheetId: local === undefined ? undefined : Number(local),
      formula: decodeXml(m[3] ?? "").trim(),
    });
  }
  return names;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "'Bob''s Sheet'!$C$1", "Inputs!B3", "Inputs!$B$2:$B$2" -> sheet + cell; anything else -> undefined. */
export function parseSingleCellReference(formula: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!:\s[\]*?/\\]+))!\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?\s*$/.exec(
    formula,
  );
  if (!m) return undefined;
  const col = columnNumber(m[3]!);
  const row = Number(m[4]);
  if (m[5] !== undefined && (columnNumber(m[5]) !== col || Number(m[6]) !== row)) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  return { sheet, row, col };
}

function excelSerial(date: Date, date1904: boolean): number {
  // Inverse of ExcelJS' excelToDate(), which treats the serial as a UTC day count.
  return date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
}

function plainValue(value: ExcelJS.CellValue, date1904: boolean): DefinedNameValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value, date1904);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    // LibreOffice writes a "" result as t="str" with an empty <v/>, which ExcelJS reads as no result.
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? "" : plainValue(result, date1904);
  }
  if ("hyperlink" in value) return value.text;
  throw new Error(`unsupported cell value ${JSON.stringify(value)}`);
}

/**
 * For every workbook-scoped defined name that refers to a single cell: that cell's
 * cached value (numbers as numbers, errors as "#N/A" etc., formula cells as their
 * result, date-formatted cells as serial numbers, empty cells as null).
 * Keys are the names exactly as spelled in the file.
 */
export async function readDefinedNameValues(xlsxPath: string): Promise<Map<string, DefinedNameValue>> {
  const data = await fs.promises.readFile(xlsxPath);
  const zip = await JSZip.loadAsync(data);
  const rawNames = await readRawDefinedNames(zip);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const date1904 = Boolean(workbook.properties?.date1904);

  const findSheet = (name: string): ExcelJS.Worksheet | undefined =>
    workbook.worksheets.find((ws) => ws.name === name) ?? workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());

  const values = new Map<string, DefinedNameValue>();
  for (const raw of rawNames) {
    if (raw.localSheetId !== undefined || raw.name.startsWith("_xlnm.")) continue;
    const ref = parseSingleCellReference(raw.formula);
    if (!ref) continue;
    const sheet = findSheet(ref.sheet);
    if (!sheet) continue;
    const cell = sheet.findCell(ref.row, ref.col);
    // cell.value drops a formula's result when it is 0, FALSE or "" (ExcelJS copies only truthy
    // fields); cell.result keeps it.
    const value = cell && cell.type === ExcelJS.ValueType.Formula ? { formula: "", result: cell.result as ExcelJS.CellValue } : cell?.value;
    values.set(raw.name, cell ? plainValue(value as ExcelJS.CellValue, date1904) : null);
  }
  return values;
}

/** The cached values of cells of one sheet (A1 addresses), read as readDefinedNameValues reads a named cell. */
export async function readCellValues(
  xlsxPath: string,
  sheetName: string,
  addresses: readonly string[],
): Promise<Map<string, DefinedNameValue>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.promises.readFile(xlsxPath)) as unknown as ExcelJS.Buffer);
  const date1904 = Boolean(workbook.properties?.date1904);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`${xlsxPath} has no sheet ${sheetName}`);
  const values = new Map<string, DefinedNameValue>();
  for (const address of addresses) {
    const cell = sheet.getCell(address);
    const value = cell.type === ExcelJS.ValueType.Formula ? { formula: "", result: cell.result as ExcelJS.CellValue } : cell.value;
    values.set(address, plainValue(value as ExcelJS.CellValue, date1904));
  }
  return values;
}
