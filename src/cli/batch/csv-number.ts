/**
 * Numbers in a customers CSV, read as a sales engineer types them or as Excel saves them:
 * `1200`, `1,200` and `1 200` (thousands grouped), `0.35`, `35%`, `-5`, `2e3`, spaces around.
 * Which mark is the decimal one follows the file: a file whose columns are separated by `;` (as
 * Excel saves CSV where the decimal mark is a comma) reads `0,35`; one separated by `,` or tab
 * reads `0.35`. Anything that could mean two numbers is refused with both readings, never guessed.
 * Pure.
 */

export type CsvNumber =
  { readonly ok: true; readonly value: number; readonly percent: boolean } | { readonly ok: false; readonly message: string };

/** `point`: 1,234.5 (files separated by `,` or tab); `comma`: 1.234,5 (files separated by `;`). */
export type DecimalMark = "point" | "comma";

const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const CURRENCY = /^[+-]?[$€£¥]|[$€£¥]$/u;
/** Digits grouped by spaces (`1 200 000`, also with the no-break spaces French Excel writes). */
const SPACE_GROUPS = /^([+-]?\d{1,3})((?:[ \u00a0\u202f]\d{3})+)((?:[.,]\d+)?)$/u;

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const POINT_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+$/;
const COMMA_GROUPED_NONZERO = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Reads one cell's text; the caller has already dealt with empty cells. */
export function readCsvNumber(cell: string, mark: DecimalMark): CsvNumber {
  const text = cell.trim();
  let body = text;
  let percent = false;
  if (/%$/.test(body)) {
    percent = true;
    body = body.slice(0, -1).trimEnd();
  }
  if (EXCEL_ERRORS.test(body))
    return {
      ok: false,
      message: `The cell holds the error ${body.toUpperCase()}, not a number; fix it where the CSV came from, or leave the cell empty to keep the model's value.`,
    };
  if (CURRENCY.test(body))
    return {
      ok: false,
      message: `${quoted(text)} is not a plain number: write it without the currency symbol (the model's currency applies).`,
    };
  const spaced = SPACE_GROUPS.exec(body);
  if (spaced) body = `${spaced[1]}${spaced[2]!.replace(/[ \u00a0\u202f]/gu, "")}${spaced[3]}`;

  let normal: string | undefined;
  if (PLAIN.test(body) && !(mark === "comma" && COMMA_GROUPED_NONZERO.test(body))) normal = body;
  else if (mark === "point" && POINT_GROUPED.test(body)) normal = body.replace(/,/g, "");
  else if (mark === "comma" && COMMA_DECIMAL.test(body)) normal = body.replace(/\./g, "").replace(",", ".");
  else if (mark === "comma" && COMMA_GROUPED.test(body) && body.split(".").length > 2) normal = body.replace(/\./g, "");
  else if (mark === "comma" && COMMA_GROUPED.test(body)) {
    const whole = body.replace(/\./g, "");
    return {
      ok: false,
      message: `${quoted(text)} could be ${whole} or ${body.replace(".", ",")}: this file separates its columns with ";", where "." groups thousands but is also read as a decimal point. Write ${whole}, or ${body.replace(".", ",")} for a decimal.`,
    };
  }
  if (normal === undefined) {
    if (mark === "point" && /^[+-]?\d+,\d+$/.test(body)) {
      return {
        ok: false,
        message: `${quoted(text)} is not a number in this file: its columns are separated by "," so decimals take a point (${body.replace(",", ".")}); commas may only group thousands (1,200).`,
      };
    }
    return {
      ok: false,
      message: `${quoted(text)} is not a number; enter a number such as 1200, 0.35 or 35%, or leave the cell empty to keep the model's value.`,
    };
  }
  const number = Number(normal);
  if (!Number.isFinite(number)) return { ok: false, message: `${quoted(text)} is too large a number.` };
  // 15% is 15/100, as Excel reads it (0.15 exactly as far as a double can hold it).
  return { ok: true, value: percent ? number / 100 : number, percent };
}
