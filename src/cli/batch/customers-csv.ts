import { CsvError, parse } from "csv-parse/sync";
import { columnLetters } from "../../core/workbook/address";
import { batchError, batchWarning, type BatchProblem } from "./batch-problems";
import { type DecimalMark, readCsvNumber } from "./csv-number";
import { editDistance } from "../../core/model/references";
import { figure } from "../../core/model/ranges";
import { CSV_REFUSED_SETTINGS, CSV_SETTINGS, type CsvSettingKey, type CustomerSettings } from "../../core/model/settings";

/**
 * The customers CSV of `cvm batch`: a header line naming a `Customer` column and one column per
 * variable to override (and, optionally, per Low, High, Actual and setting of the next-best
 * alternative), then one line per customer. Read with a real CSV parser (csv-parse:
 * quoted fields, doubled quotes, line breaks inside quotes, CRLF) and checked completely: every
 * problem is reported with its line and column, none stops the reading of the others. Pure: it
 * takes the file's bytes and the model's variables, and returns plain data.
 */

/** A variable of the model, as the CSV reader needs it. */
export interface CsvVariable {
  readonly name: string;
  /** The model shows its value as a percentage (its cell has a % format). */
  readonly percent: boolean;
  readonly value: number;
  /** The model's range has a Low column, a High column: a CSV column `<name> Low` has a cell to go to. */
  readonly hasLow?: boolean;
  readonly hasHigh?: boolean;
  /** The model's Low and High for this variable (undefined: the cell is empty), for a customer who gives only one of them. */
  readonly low?: number;
  readonly high?: number;
}

/** An element of the model, as the CSV reader needs it for its `<Element> Actual` column. */
export interface CsvElement {
  readonly id?: string;
  readonly element: string;
  /** `CVM_Elements` has an Actual column. */
  readonly hasActual: boolean;
}

export interface CustomerRow {
  /** Line of the file where the customer's record starts (1-based). */
  readonly line: number;
  /** The name, without surrounding spaces, exactly as written otherwise. */
  readonly customer: string;
  /** One entry per variable of the model, in the model's order: the CSV's number, or undefined to keep the model's. */
  readonly values: readonly (number | undefined)[];
  /** Only when the file has such columns: per variable the CSV's Low, High (undefined: the model's). */
  readonly lows?: readonly (number | undefined)[];
  readonly highs?: readonly (number | undefined)[];
  /** Only when the file has such columns: per element, in the model's order, the CSV's Actual (undefined: the model's). */
  readonly actuals?: readonly (number | undefined)[];
  /** Only when the file has such columns: the customer's alternative (its name, its price) where the line gives it. */
  readonly settings?: CustomerSettings;
}

export interface CustomersCsv {
  /** The customers whose lines have no error, in the file's order. */
  readonly customers: readonly CustomerRow[];
  readonly problems: readonly BatchProblem[];
  /** The variables the file has a column for, in the model's spelling. */
  readonly columns: readonly string[];
}

/** The settings of CVM_Settings: a column named after one is no variable, and is told so. */
const SETTING_NAMES = CSV_REFUSED_SETTINGS;
const CUSTOMER = "Customer";

/** Text of the file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Excel's plain "CSV" saves it. */
export function decodeCsv(bytes: Uint8Array): { text: string; problems: BatchProblem[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), problems: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), problems: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), problems: [] };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(body),
      problems: [
        batchWarning(
          'The file is not UTF-8; it was read as Windows-1252, the encoding of Excel\'s plain "CSV" format. If names look wrong, save it from Excel as "CSV UTF-8".',
        ),
      ],
    };
  }
}

/** The separator of the header line: `,`, `;` or tab, whichever it has most of outside quotes (`,` when none). */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (counts[","] + counts[";"] + counts["\t"] > 0) break;
    } else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

interface RawRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Line numbers from byte offsets: csv-parse's own line count takes a CRLF inside quotes for two
 * lines, its byte count is exact. A CRLF, a lone LF or a lone CR each end one line.
 */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < bytes.length; at++) {
      if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

function parseRecords(text: string, delimiter: string): { records: RawRecord[]; problem?: BatchProblem } {
  const records: RawRecord[] = [];
  const lineAt = lineCounter(new TextEncoder().encode(text));
  let lastEnd = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      // A quote inside an unquoted field (`Joe's "Best" Pipes`) is taken as it is, as people type it.
      relax_quotes: true,
      skip_empty_lines: false,
      // Called as each record is read, so that a failure later still knows where the last one ended.
      on_record: (record: string[], context: { bytes: number }) => {
        records.push({ line: lineAt(lastEnd), fields: record });
        lastEnd = context.bytes;
        return null;
      },
    });
    return { records };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // The record that fails starts where the last whole one ended.
    const line = lineAt(lastEnd);
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      return {
        records,
        problem: batchError(
          'A double quote (") opened on this line is never closed, so the rest of the file would be one value. Close it, or write a quote inside a value as two quotes ("").',
          { line },
        ),
      };
    }
    return { records, problem: batchError(`This line cannot be read as CSV: ${e.message}`, { line }) };
  }
}

const squash = (text: string) => text.toLowerCase().replace(/[\s_.-]+/g, "");

/** The variable a header most likely means: the same but for case, spaces, `_`, `.` or `-`, else a near spelling. */
export function closestName(header: string, names: readonly string[]): string | undefined {
  const target = squash(header);
  if (target === "") return undefined;
  const same = names.find((n) => squash(n) === target);
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(target.length / 4)) + 1;
  for (const name of names) {
    const d = editDistance(target, squash(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function listNames(names: readonly string[]): string {
  return names.length <= 30 ? names.join(", ") : `${names.slice(0, 30).join(", ")} and ${names.length - 30} more`;
}

const customerKey = (name: string) => name.normalize("NFC").replace(/\s+/gu, " ").toLowerCase();

function percentText(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

/** What a column sets: a variable's Value, Low or High, or an element's Actual (by index in the model's order), or a setting. */
type Target =
  | { readonly kind: "value" | "low" | "high" | "actual"; readonly index: number }
  | { readonly kind: "setting"; readonly key: CsvSettingKey };

const RANGE_SUFFIX = /^(.*\S)\s+(low|high|actual)$/i;
const word = { low: "Low", high: "High", actual: "Actual" } as const;
const spaced = (text: string) => text.trim().replace(/\s+/gu, " ").toLowerCase();

/** The columns a model can take, as their headers are spelled, for "Did you mean" of an unknown one. */
function columnNames(variables: readonly CsvVariable[], elements: readonly CsvElement[]): string[] {
  return [
    ...variables.map((v) => v.name),
    ...variables.flatMap((v) => [...(v.hasLow ? [`${v.name} Low`] : []), ...(v.hasHigh ? [`${v.name} High`] : [])]),
    ...elements.flatMap((e) => (e.hasActual ? [`${e.id ?? e.element} Actual`] : [])),
  ];
}

/** A line and column of the file, with the column's header. */
type CsvPlace = Pick<BatchProblem, "line" | "column" | "header">;

/** Where each column of the CSV goes: the customer's name, or what of the model it sets. */
interface HeaderLayout {
  readonly headers: readonly string[];
  readonly customerColumn: number | undefined;
  /** Per column, what it sets; undefined for the customer's column and refused columns. */
  readonly columnTarget: readonly (Target | undefined)[];
  /** The column of each target (`value 3`, `low 3`, `actual 0`). */
  readonly targetColumn: ReadonlyMap<string, number>;
  /** The variables that have a Value column, in the columns' order. */
  readonly columns: readonly string[];
}

/** What every line of the file is read against. */
interface ReadContext {
  readonly variables: readonly CsvVariable[];
  readonly settings: readonly CsvSettingKey[];
  readonly elements: readonly CsvElement[];
  readonly delimiter: string;
  readonly mark: DecimalMark;
  readonly layout: HeaderLayout;
}

/**
 * Reads and checks the customers CSV against the model's variables and elements. Besides a
 * column per variable (its Value), `<Variable> Low`, `<Variable> High` and `<Element> Actual`
 * (the element's Id, else its name) carry a customer's range and realized value: a variable name
 * has no spaces, so the last word of such a header is unambiguous. `Alternative`,
 * `AlternativeInvestment` and `AlternativeAnnualCost` set the customer's next-best alternative,
 * where the model's CVM_Settings has that setting's row (`settings`) to keep it in.
 */
export function readCustomersCsv(
  input: Uint8Array | string,
  variables: readonly CsvVariable[],
  elements: readonly CsvElement[] = [],
  settings: readonly CsvSettingKey[] = [],
): CustomersCsv {
  const problems: BatchProblem[] = [];
  const text = csvText(input, problems);
  const delimiter = detectDelimiter(text);
  const mark: DecimalMark = delimiter === ";" ? "comma" : "point";
  const parsed = parseRecords(text, delimiter);
  if (parsed.problem) problems.push(parsed.problem);
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const header = records[0];
  if (!header) {
    if (!parsed.problem)
      problems.push(
        batchError(
          `The file is empty. Its first line must name the columns: ${CUSTOMER}, then one per variable to override (for example ${variables[0]?.name ?? "PipelineMiles"}).`,
        ),
      );
    return { customers: [], problems, columns: [] };
  }
  const rows = records.slice(1);
  const layout = readHeader(header, rows, { variables, elements, settings }, problems);
  const columns = [...layout.columns];
  if (layout.customerColumn === undefined) {
    problems.push(
      batchError(
        `There is no ${CUSTOMER} column. The first line must name the columns: ${CUSTOMER} (each customer's name), then one per variable to override, named as the variable.`,
        { line: header.line },
      ),
    );
    return { customers: [], problems, columns };
  }
  if (rows.length === 0) {
    problems.push(batchError("The file has a header but no customers: add one line per customer below it."));
    return { customers: [], problems, columns };
  }
  const customers = readRows(rows, { variables, elements, settings, delimiter, mark, layout }, problems);
  return { customers, problems: byPlace(problems), columns };
}

/** The file's text: decoded from its bytes (with the problems of its encoding), without a byte-order mark. */
function csvText(input: Uint8Array | string, problems: BatchProblem[]): string {
  if (typeof input === "string") return input.replace(/^\ufeff/, "");
  const decoded = decodeCsv(input);
  problems.push(...decoded.problems);
  return decoded.text;
}

/** The header: which column is the customer, which variable, range or Actual each other column sets. */
function readHeader(
  header: RawRecord,
  rows: readonly RawRecord[],
  model: Pick<ReadContext, "variables" | "elements" | "settings">,
  problems: BatchProblem[],
): HeaderLayout {
  const { variables, elements } = model;
  const byName = new Map(variables.map((v, i) => [v.name.toLowerCase(), i]));
  const headers = header.fields.map((h) => h.trim());
  const columnVariable: (number | undefined)[] = [];
  const columnTarget: (Target | undefined)[] = [];
  const targetColumn = new Map<string, number>();
  const seen = new Map<string, number>();
  const customerAt = headers.findIndex((h) => h.toLowerCase() === CUSTOMER.toLowerCase());
  const customerColumn = customerAt >= 0 ? customerAt : undefined;
  headers.forEach((name, column) => {
    const at = { line: header.line, column, header: name };
    const key = name.toLowerCase();
    if (name === "") {
      const used = rows.find((r) => (r.fields[column] ?? "").trim() !== "");
      if (used)
        problems.push(
          batchError(
            `This column has values (the first on line ${used.line}) but no header. Name it after the variable it sets, or delete it.`,
            { line: header.line, column },
          ),
        );
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        batchError(`The column "${name}" is repeated: column ${columnLetters(first)} has the same header. Keep one of them.`, at),
      );
      return;
    }
    seen.set(key, column);
    if (column === customerColumn) return;
    const index = byName.get(key);
    if (index !== undefined) {
      columnVariable[column] = index;
      columnTarget[column] = { kind: "value", index };
      targetColumn.set(`value ${index}`, column);
      return;
    }
    const setting = settingColumn(name, model.settings);
    if (setting) {
      if (!setting.ok) problems.push(batchError(setting.message, at));
      else {
        columnTarget[column] = setting.target;
        targetColumn.set(`setting ${setting.target.key}`, column);
      }
      return;
    }
    const ranged = rangeColumn(name, variables, elements);
    if (ranged) {
      if (!ranged.ok) {
        problems.push(batchError(ranged.message, at));
        return;
      }
      const targetKey = `${ranged.target.kind} ${ranged.target.index}`;
      const twin = targetColumn.get(targetKey);
      if (twin !== undefined) {
        problems.push(
          batchError(
            `The column "${name}" sets what column ${columnLetters(twin)} ("${headers[twin]}") sets already. Keep one of them.`,
            at,
          ),
        );
        return;
      }
      targetColumn.set(targetKey, column);
      columnTarget[column] = ranged.target;
      return;
    }
    problems.push(unknownColumn(name, at, customerColumn, variables, elements));
  });
  const columns = columnVariable.flatMap((i) => (i === undefined ? [] : [variables[i]!.name]));
  return { headers, customerColumn, columnTarget, targetColumn, columns };
}

/** Why a header is no column of the model: a setting, or an unknown name with the nearest one. */
function unknownColumn(
  name: string,
  at: CsvPlace,
  customerColumn: number | undefined,
  variables: readonly CsvVariable[],
  elements: readonly CsvElement[],
): BatchProblem {
  const setting = SETTING_NAMES.find((s) => s.toLowerCase() === squash(name));
  if (setting) {
    return batchError(
      `Unknown column: ${setting} is a setting of the model (CVM_Settings), not a variable; of the settings cvm batch sets only the customer's name and next-best alternative, and every customer keeps the model's ${setting}. Delete the column, or make ${setting} a variable of the model.`,
      at,
    );
  }
  const near =
    squash(name).startsWith("customer") && customerColumn === undefined ? CUSTOMER : closestName(name, columnNames(variables, elements));
  return batchError(
    `Unknown column: "${name}" is not a variable of the model.${near ? ` Did you mean ${near}?` : ` The model's variables are: ${listNames(variables.map((v) => v.name))}.`}`,
    at,
  );
}

/** Each line a customer; a line with an error is reported and left out. */
function readRows(rows: readonly RawRecord[], context: ReadContext, problems: BatchProblem[]): CustomerRow[] {
  const customers: CustomerRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const before = problems.length;
    checkFieldCount(row, context, problems);
    const customer = customerName(row, context, firstLineOf, problems);
    const numbers = readNumbers(row, context, problems);
    checkRanges(row, context, numbers, problems);
    if (problems.slice(before).some((p) => p.severity === "error")) continue;
    const has = (kind: Target["kind"]) => context.layout.columnTarget.some((t) => t?.kind === kind);
    customers.push({
      line: row.line,
      customer,
      values: numbers.value,
      ...(has("low") ? { lows: numbers.low } : {}),
      ...(has("high") ? { highs: numbers.high } : {}),
      ...(has("actual") ? { actuals: numbers.actual } : {}),
      ...(has("setting") ? { settings: numbers.settings } : {}),
    });
  }
  return customers;
}

/** Where a problem of this line and column is: the line, the column and its header. */
function placeOf(row: RawRecord, headers: readonly string[], column: number): CsvPlace {
  return { line: row.line, column, header: headers[column] ?? "" };
}

/** A line with fewer fields than the header, or with values past its last column. */
function checkFieldCount(row: RawRecord, { layout, delimiter }: ReadContext, problems: BatchProblem[]): void {
  const { headers } = layout;
  // Empty headers at the end (a spreadsheet's trailing separators) are no columns a line must have.
  const width = headers.reduce((last, h, i) => (h === "" ? last : i + 1), 0);
  if (row.fields.length < width) {
    problems.push(
      batchError(
        `This line has ${row.fields.length} field${row.fields.length === 1 ? "" : "s"} but the header has ${width}: a separator (${describeDelimiter(delimiter)}) is missing, or the line was cut short.`,
        placeOf(row, headers, row.fields.length),
      ),
    );
  } else if (row.fields.length > headers.length) {
    const extra = row.fields.findIndex((f, i) => i >= headers.length && f.trim() !== "");
    if (extra >= 0) {
      problems.push(
        batchError(
          `This line has ${row.fields.length} fields but the header has ${headers.length}. A value that contains ${describeDelimiter(delimiter)} must be put in double quotes.`,
          { line: row.line, column: extra },
        ),
      );
    }
  }
}

/** The customer's name: present, on one line, and not a customer of an earlier line. */
function customerName(row: RawRecord, { layout }: ReadContext, firstLineOf: Map<string, number>, problems: BatchProblem[]): string {
  const column = layout.customerColumn!;
  const at = placeOf(row, layout.headers, column);
  const customer = (row.fields[column] ?? "").trim();
  if (customer === "") {
    problems.push(
      batchError("The customer has no name. Every line needs one: it names the customer's workbook and appears in the roll-up.", at),
    );
    // eslint-disable-next-line no-control-regex
  } else if (/[\u0000-\u001f\u007f]/.test(customer)) {
    problems.push(batchError("The customer's name holds a line break or another control character; keep it on one line.", at));
  } else {
    const key = customerKey(customer);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push(
        batchError(
          `The customer "${customer}" is already on line ${first}. Each customer may appear once (names are compared ignoring case and surrounding spaces).`,
          at,
        ),
      );
    } else firstLineOf.set(key, row.line);
  }
  return customer;
}

/** A line's numbers by what they set, each undefined where the line gives none (the model's then). */
interface LineNumbers {
  readonly value: (number | undefined)[];
  readonly low: (number | undefined)[];
  readonly high: (number | undefined)[];
  readonly actual: (number | undefined)[];
  readonly settings: CustomerSettings;
}

/** The line's numbers; a percentage written as a whole number (35 for 35%) is a warning. */
function readNumbers(row: RawRecord, { variables, elements, mark, layout }: ReadContext, problems: BatchProblem[]): LineNumbers {
  const numbers: LineNumbers = {
    value: variables.map(() => undefined),
    low: variables.map(() => undefined),
    high: variables.map(() => undefined),
    actual: elements.map(() => undefined),
    settings: {},
  };
  layout.columnTarget.forEach((target, column) => {
    if (target === undefined) return;
    const cell = row.fields[column] ?? "";
    if (cell.trim() === "") return;
    const at = placeOf(row, layout.headers, column);
    if (target.kind === "setting") {
      const read = readCsvSetting(target.key, cell, mark);
      if ("message" in read) problems.push(batchError(read.message, at));
      else Object.assign(numbers.settings, { [target.key]: read.value });
      return;
    }
    const read = readCsvNumber(cell, mark);
    if (!read.ok) {
      problems.push(batchError(read.message, at));
      return;
    }
    numbers[target.kind][target.index] = read.value;
    if (target.kind === "actual") return;
    const variable = variables[target.index]!;
    if (variable.percent && !read.percent && read.value > 1 && read.value <= 100) {
      const what = target.kind === "value" ? variable.name : `The ${word[target.kind]} of ${variable.name}`;
      problems.push(
        batchWarning(
          `${what} is a percentage in the model (${percentText(variable.value)}), and ${cell.trim()} is ${percentText(read.value)}. If ${cell.trim()}% is meant, write ${cell.trim()}% or ${Number((read.value / 100).toPrecision(12))}.`,
          at,
        ),
      );
    }
  });
  return numbers;
}

/** A Low or High the line gives: the other end must exist (here or in the model), and Low ≤ High. */
function checkRanges(
  row: RawRecord,
  { variables, layout }: ReadContext,
  { low: lows, high: highs }: LineNumbers,
  problems: BatchProblem[],
): void {
  variables.forEach((variable, index) => {
    const lowGiven = lows[index] !== undefined;
    const highGiven = highs[index] !== undefined;
    if (!lowGiven && !highGiven) return;
    const low = lows[index] ?? variable.low;
    const high = highs[index] ?? variable.high;
    const at = placeOf(row, layout.headers, layout.targetColumn.get(lowGiven ? `low ${index}` : `high ${index}`)!);
    if (low === undefined || high === undefined) {
      const missing = low === undefined ? "Low" : "High";
      problems.push(
        batchWarning(
          `${variable.name} gets a ${missing === "Low" ? "High" : "Low"} for this customer but no ${missing}, neither here nor in the model: its scenarios and sensitivity leave it out. Give ${variable.name} ${missing} too.`,
          at,
        ),
      );
    } else if (low > high) {
      const whose = (given: boolean) => (given ? "" : " (the model's: this line gives none)");
      problems.push(
        batchError(
          `The Low of ${variable.name}, ${figure(low)}${whose(lowGiven)}, is greater than its High, ${figure(high)}${whose(highGiven)}: the range would be upside down. Swap them, or correct one.`,
          at,
        ),
      );
    }
  });
}

/**
 * A header `<Variable> Low`, `<Variable> High` or `<Element> Actual`: what it sets, or why the model
 * cannot take it; undefined when it is no such header (an unknown column, reported as one).
 */
function rangeColumn(
  header: string,
  variables: readonly CsvVariable[],
  elements: readonly CsvElement[],
):
  | { readonly ok: true; readonly target: Extract<Target, { index: number }> }
  | { readonly ok: false; readonly message: string }
  | undefined {
  const match = RANGE_SUFFIX.exec(header.trim());
  if (!match) return undefined;
  const prefix = spaced(match[1]!);
  const kind = match[2]!.toLowerCase() as "low" | "high" | "actual";
  if (kind !== "actual") {
    const index = variables.findIndex((v) => v.name.toLowerCase() === prefix);
    if (index < 0) return undefined;
    const variable = variables[index]!;
    if (!(kind === "low" ? variable.hasLow : variable.hasHigh)) {
      return {
        ok: false,
        message: `The model has no ${word[kind]} column in CVM_Variables, so it has nowhere to keep the ${word[kind]} of ${variable.name} for each customer. Add Low and High columns to CVM_Variables, or delete this column.`,
      };
    }
    return { ok: true, target: { kind, index } };
  }
  const byId = elements.findIndex((e) => e.id !== undefined && e.id.toLowerCase() === prefix);
  const byName = elements.flatMap((e, i) => (spaced(e.element) === prefix ? [i] : []));
  if (byId < 0 && byName.length > 1) {
    return {
      ok: false,
      message: `${byName.length} elements are named "${elements[byName[0]!]!.element}", so this column could be the Actual of any of them. Give each an Id in CVM_Elements and name the column after the Id.`,
    };
  }
  const index = byId >= 0 ? byId : byName[0];
  if (index === undefined) return undefined;
  const element = elements[index]!;
  if (!element.hasActual) {
    return {
      ok: false,
      message: `The model has no Actual column in CVM_Elements, so it has nowhere to keep the Actual of ${element.id ?? element.element} for each customer. Add an Actual column to CVM_Elements, or delete this column.`,
    };
  }
  return { ok: true, target: { kind, index } };
}

/**
 * A header naming a setting set per customer (`AlternativeAnnualCost`, matched as CVM_Settings
 * matches it: without case or spaces): what it sets, or why the model cannot take it; undefined
 * when it names no such setting.
 */
function settingColumn(
  header: string,
  settings: readonly CsvSettingKey[],
):
  | { readonly ok: true; readonly target: Extract<Target, { kind: "setting" }> }
  | { readonly ok: false; readonly message: string }
  | undefined {
  const declared = CSV_SETTINGS.find((d) => d.label.toLowerCase() === header.toLowerCase().replace(/\s+/g, ""));
  if (!declared) return undefined;
  if (!settings.includes(declared.key))
    return {
      ok: false,
      message: `The model's CVM_Settings has no ${declared.label} row with a value, so it has nowhere to keep each customer's ${declared.label}. Add a row ${declared.label} to CVM_Settings (${typeof declared.default === "number" ? declared.default : `"${declared.default}"`} if the model has none), or delete this column.`,
    };
  return { ok: true, target: { kind: "setting", key: declared.key } };
}

/** A customer's value of a setting: text on one line, or a number the setting accepts. */
function readCsvSetting(
  key: CsvSettingKey,
  cell: string,
  mark: DecimalMark,
): { readonly value: string | number } | { readonly message: string } {
  const declared = CSV_SETTINGS.find((d) => d.key === key)!;
  if (declared.kind === "text") {
    const text = cell.trim();
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text))
      return { message: `The ${declared.label} holds a line break or another control character; keep it on one line.` };
    return { value: text };
  }
  const read = readCsvNumber(cell, mark);
  if (!read.ok) return { message: read.message };
  const refused = declared.accept(read.value);
  return refused ? { message: `The ${declared.label} is ${cell.trim()}: ${refused}` } : { value: read.value };
}

/** Problems in the file's order: by line, then by column (the whole file's first). */
export function byPlace(problems: readonly BatchProblem[]): BatchProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? -1) - (b.p.column ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}

function describeDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "a tab" : `"${delimiter}"`;
}
