import { parseFormula } from "../formula";
import { error, type Problem, warning } from "../problems";
import { toText } from "../formula/values";
import { cellErrorCode, cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { type ColumnSpec, readTable } from "../workbook/table";
import { nameRuleBroken } from "./names";
import { readNumberCell } from "./numbers";
import { parseRamp } from "./ramp";
import type { Confidence, Element } from "./types";

type Column = "element" | "formula" | "id" | "stakeholder" | "category" | "confidence" | "ramp" | "assumptions" | "actual" | "proposition";
const COLUMNS: readonly ColumnSpec<Column>[] = [
  { key: "element", header: "Element", required: true },
  { key: "formula", header: "Formula", required: true },
  { key: "id", header: "Id", required: false },
  { key: "stakeholder", header: "Stakeholder", required: false },
  { key: "category", header: "Category", required: false },
  { key: "confidence", header: "Confidence", required: false },
  { key: "ramp", header: "Ramp", required: false },
  { key: "assumptions", header: "Assumptions", required: false },
  { key: "actual", header: "Actual", required: false },
  { key: "proposition", header: "Proposition", required: false },
];

const RANGE = RANGE_NAMES.elements;

export interface ElementsRead {
  readonly elements: Element[];
  /** Every well-formed id, including rows left out for another problem (see VariablesRead). */
  readonly declared: string[];
  readonly problems: Problem[];
}

function readConfidence(text: string): Confidence | undefined {
  const t = text.toLowerCase();
  if (t === "" || t === "gray" || t === "grey") return "gray";
  if (t === "green") return "green";
  return undefined;
}

/** Reads `CVM_Elements`: each row's formula is parsed here; names are checked once all are known. */
export function readElements(input: RangeInput | undefined): ElementsRead {
  if (!input) {
    return {
      elements: [],
      declared: [],
      problems: [
        error(
          "range-missing",
          RANGE,
          `The workbook has no named range ${RANGE}. Add a table of value elements (Element, Formula, Id, Stakeholder, Confidence, Ramp) and name it ${RANGE}.`,
        ),
      ],
    };
  }
  const { table, problems } = readTable(RANGE, input, COLUMNS);
  if (!table || problems.some((p) => p.code === "column-missing")) return { elements: [], declared: [], problems };

  const elements: Element[] = [];
  const declared: string[] = [];
  for (const row of table.rows) {
    const element = readElementRow(row, problems, declared);
    if (element) elements.push(element);
  }
  if (table.rows.length === 0) {
    problems.push(
      error("elements-empty", RANGE, `${RANGE} lists no value elements: add at least one row below its header.`, {
        sheet: table.range.sheet,
        row: table.range.top,
        column: table.range.left,
      }),
    );
  }
  return { elements, declared, problems };
}

type Row = NonNullable<ReturnType<typeof readTable<Column>>["table"]>["rows"][number];
/** A field of a row: its value, or `ok: false` when it was refused (the problem is pushed). */
type Field<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** One row of the table: an element, or undefined when a cell of it is refused (each refusal a problem at its cell). */
function readElementRow(row: Row, problems: Problem[], declared: string[]): Element | undefined {
  const nameCell = row.cells.element!;
  const formulaCell = row.cells.formula!;
  const name = cellText(nameCell.value);
  if (name === "")
    problems.push(
      error(
        "element-name-missing",
        RANGE,
        "This value element has no name in the Element column; name it, or clear the whole row.",
        nameCell.address,
      ),
    );
  const label = name === "" ? "this element" : quoted(name);
  const id = readId(row, label, problems, declared);
  const formula = readElementFormula(row, label, problems);
  const confidence = readConfidenceCell(row, label, problems);
  const ramp = readRampCell(row, label, problems);
  const actual = readActual(row, label, problems);
  const proposition = readProposition(row, label, problems);
  const rowOk = name !== "" && id.ok && formula.ok && confidence.ok && ramp.ok && actual.ok && proposition.ok;
  const stakeholder = cellText(row.cells.stakeholder?.value);
  if (rowOk && stakeholder === "") {
    problems.push(
      warning(
        "element-stakeholder-missing",
        RANGE,
        `${capitalise(label)} names no stakeholder: value is always value to someone (a CFO, a production manager).`,
        (row.cells.stakeholder ?? nameCell).address,
      ),
    );
  }
  if (!rowOk) return undefined;
  const idText = id.value;
  const actualCell = row.cells.actual;
  return {
    element: name,
    formulaText: formula.value.text,
    expr: formula.value.expr,
    ...(idText !== "" ? { id: idText, idCell: row.cells.id!.address } : {}),
    stakeholder,
    category: cellText(row.cells.category?.value),
    confidence: confidence.value,
    ramp: ramp.value.ramp,
    rampText: ramp.value.text,
    assumptions: cellText(row.cells.assumptions?.value),
    ...(actual.value !== undefined ? { actual: actual.value } : {}),
    ...(actualCell ? { actualCell: actualCell.address } : {}),
    formulaCell: formulaCell.address,
    nameCell: nameCell.address,
    ...(row.cells.stakeholder ? { stakeholderCell: row.cells.stakeholder.address } : {}),
    ...(proposition.value !== undefined ? { proposition: proposition.value } : {}),
  };
}

/** The Id ("" when none); a well-formed one is declared even when the row is refused for another reason. */
function readId(row: Row, label: string, problems: Problem[], declared: string[]): Field<string> {
  const idText = cellText(row.cells.id?.value);
  if (idText === "") return { ok: true, value: "" };
  const broken = nameRuleBroken(idText);
  if (broken) {
    problems.push(error("element-id-illegal", RANGE, `The id ${quoted(idText)} of ${label} ${broken}.`, row.cells.id!.address));
    return { ok: false };
  }
  declared.push(idText);
  return { ok: true, value: idText };
}

function readElementFormula(
  row: Row,
  label: string,
  problems: Problem[],
): Field<{ readonly text: string; readonly expr: Element["expr"] }> {
  const formulaCell = row.cells.formula!;
  // A formula typed without a leading apostrophe is stored by Excel as a real formula: its text,
  // not its last result, is the element's formula.
  const formulaValue = formulaCell.formula ?? formulaCell.value;
  const text = typeof formulaValue === "number" ? String(formulaValue) : cellText(formulaValue);
  if (text === "") {
    problems.push(
      error(
        "element-formula-missing",
        RANGE,
        `${capitalise(label)} has no formula; write how its annual value is computed from the variables, e.g. Miles*LeaksPerMile*CostPerLeak.`,
        formulaCell.address,
      ),
    );
    return { ok: false };
  }
  const parsed = parseFormula(text);
  if (parsed.ok) return { ok: true, value: { text, expr: parsed.expr } };
  problems.push(
    error("element-formula-syntax", RANGE, `The formula of ${label} cannot be read: ${parsed.problem.message}`, formulaCell.address),
  );
  return { ok: false };
}

function readConfidenceCell(row: Row, label: string, problems: Problem[]): Field<Confidence> {
  const confidenceText = cellText(row.cells.confidence?.value);
  const confidence = readConfidence(confidenceText);
  if (confidence) return { ok: true, value: confidence };
  problems.push(
    error(
      "element-confidence-unknown",
      RANGE,
      `The confidence ${quoted(confidenceText)} of ${label} is neither green (hard, documented money) nor gray (soft money).`,
      row.cells.confidence!.address,
    ),
  );
  return { ok: false };
}

function readRampCell(row: Row, label: string, problems: Problem[]): Field<{ readonly ramp: readonly number[]; readonly text: string }> {
  const rampValue = row.cells.ramp?.value;
  const text = typeof rampValue === "number" ? String(rampValue) : cellText(rampValue);
  const ramp = parseRamp(typeof rampValue === "number" ? rampValue : text);
  if (ramp.ok) return { ok: true, value: { ramp: ramp.ramp, text } };
  problems.push(error("element-ramp-invalid", RANGE, `The ramp of ${label}: ${ramp.message}`, row.cells.ramp!.address));
  return { ok: false };
}

/** The Actual, when the range has the column and the cell is filled. */
function readActual(row: Row, label: string, problems: Problem[]): Field<number | undefined> {
  const actualCell = row.cells.actual;
  if (!actualCell || cellText(actualCell.value) === "") return { ok: true, value: undefined };
  const read = readNumberCell(actualCell.value, `The Actual of ${label}`);
  if (read.ok) return { ok: true, value: read.value };
  problems.push(error("element-actual-not-number", RANGE, read.message, actualCell.address));
  return { ok: false };
}

/**
 * The value proposition, as the Value Map's sentence reads its cell with `&`: text as it is, a
 * number as Excel turns it into text. An error value would turn the sentence into that error.
 */
function readProposition(row: Row, label: string, problems: Problem[]): Field<Element["proposition"]> {
  const cell = row.cells.proposition;
  if (!cell) return { ok: true, value: undefined };
  const code = cellErrorCode(cell.value);
  if (code) {
    problems.push(
      error(
        "element-proposition-error",
        RANGE,
        `The proposition of ${label} holds ${code}; type the value proposition in words, or clear the cell.`,
        cell.address,
      ),
    );
    return { ok: false };
  }
  // Exactly what `&` makes of the cell (an empty cell is ""), untrimmed: the sentence refers to it.
  const text = cell.value === null ? "" : toText(cell.value);
  return { ok: true, value: { text: typeof text === "string" ? text : "", cell: cell.address } };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
