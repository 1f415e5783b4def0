import type { ResultsJson } from "../../core/results-json";

/**
 * The roll-up of a batch: one row per customer with the contract's totals, as `rollup.csv` (for
 * people, who open it in Excel) and `rollup.json` (for tools). Numbers at full precision in both.
 * Pure.
 */

export type RollupTotals = ResultsJson["totals"];

export interface RollupEntry {
  /** Line of the customers CSV. */
  readonly line: number;
  readonly customer: string;
  /** The customer's next-best alternative, where the model gives one. */
  readonly alternative?: string;
  /** The workbook's file name inside the output folder. */
  readonly file: string;
  readonly totals: RollupTotals;
}

export interface Rollup {
  /** The model workbook's file name. */
  readonly model: string;
  /** The customers CSV's file name. */
  readonly customersCsv: string;
  /** When the batch ran, ISO 8601 (UTC). */
  readonly built: string;
  readonly currency: string;
  readonly customers: readonly RollupEntry[];
  /** Workbooks an earlier batch wrote into the folder whose customers this one did not have; left as they were. */
  readonly earlierFiles: readonly string[];
}

export const ROLLUP_CSV = "rollup.csv";
export const ROLLUP_JSON = "rollup.json";

export const TOTAL_KEYS = [
  "TotalAnnualValue",
  "Green",
  "Gray",
  "TotalBenefit",
  "TotalCost",
  "NetValue",
  "NPV",
  "ROI",
  "PaybackMonths",
] as const satisfies readonly (keyof RollupTotals)[];

/** The alternative's totals, after the others: only where the model gives an alternative (a roll-up without one is as before). */
export const ALTERNATIVE_TOTAL_KEYS = [
  "AlternativeCost",
  "PriceDifference",
  "Incentive",
] as const satisfies readonly (keyof RollupTotals)[];

/**
 * Text made harmless for a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`, tab or
 * carriage return would be run as a formula when the CSV is opened in Excel (CSV injection), so
 * it gets a leading `'`, as OWASP advises. Only text cells: numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV field (RFC 4180): quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number at full precision, as JavaScript writes the shortest text that reads back to the same double; empty for no value. */
function csvNumber(value: number | null): string {
  return value === null ? "" : String(value);
}

/** `rollup.csv`: UTF-8 with a byte-order mark (so that Excel reads accents right), CRLF line ends. */
export function rollupCsv(entries: readonly RollupEntry[]): string {
  const alternative = entries.some((e) => e.alternative !== undefined);
  const header = ["Customer", "File", ...TOTAL_KEYS, ...(alternative ? ["Alternative", ...ALTERNATIVE_TOTAL_KEYS] : [])];
  const lines = [header.join(",")];
  for (const entry of entries) {
    const text = [entry.customer, entry.file].map((t) => csvField(neutraliseFormula(t)));
    const totals = TOTAL_KEYS.map((k) => csvNumber(entry.totals[k]));
    const ofAlternative = alternative
      ? [csvField(neutraliseFormula(entry.alternative ?? "")), ...ALTERNATIVE_TOTAL_KEYS.map((k) => csvNumber(entry.totals[k] ?? null))]
      : [];
    lines.push([...text, ...totals, ...ofAlternative].join(","));
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** `rollup.json`: the exact names and numbers; `null` where a result has no value. */
export function rollupJson(rollup: Rollup): string {
  return `${JSON.stringify(
    {
      model: rollup.model,
      customersCsv: rollup.customersCsv,
      built: rollup.built,
      currency: rollup.currency,
      customers: rollup.customers.map((c) => ({
        customer: c.customer,
        file: c.file,
        line: c.line,
        ...(c.alternative === undefined ? {} : { alternative: c.alternative }),
        totals: c.totals,
      })),
      earlierFiles: rollup.earlierFiles,
    },
    null,
    2,
  )}\n`;
}

/**
 * The files an earlier batch wrote into a folder, read from its `rollup.json`: its workbooks,
 * the earlier ones it kept, and the two roll-up files. Undefined when the text is not a batch's
 * roll-up (then the folder's files are nobody's that `cvm batch` may replace).
 */
export function filesOfEarlierBatch(json: string): string[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ""));
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null || !Array.isArray((data as { customers?: unknown }).customers)) return undefined;
  const { customers, earlierFiles } = data as { customers: unknown[]; earlierFiles?: unknown };
  const files: string[] = [];
  for (const c of customers) {
    const file = (c as { file?: unknown } | null)?.file;
    if (typeof file !== "string") return undefined;
    files.push(file);
  }
  if (Array.isArray(earlierFiles)) files.push(...earlierFiles.filter((f): f is string => typeof f === "string"));
  // Only plain names inside the folder count: a roll-up cannot vouch for a file elsewhere.
  return [...files.filter((f) => f !== "" && !/[/\\]/.test(f) && f !== "." && f !== ".."), ROLLUP_CSV, ROLLUP_JSON];
}
