import { error, type Problem, warning } from "../problems";
import { cellErrorCode, cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { type ColumnSpec, readTable, type TableCell } from "../workbook/table";
import type { Element, Stakeholder } from "./types";

type Column = "stakeholder" | "role" | "objective" | "metric" | "notes";
const COLUMNS: readonly ColumnSpec<Column>[] = [
  { key: "stakeholder", header: "Stakeholder", required: true },
  { key: "role", header: "Role", required: false },
  { key: "objective", header: "Objective", required: false },
  { key: "metric", header: "Metric", required: false },
  { key: "notes", header: "Notes", required: false },
];

const RANGE = RANGE_NAMES.stakeholders;

export interface StakeholdersRead {
  /** Absent when the workbook has no `CVM_Stakeholders`: the model then has no value map. */
  readonly stakeholders?: readonly Stakeholder[];
  readonly problems: Problem[];
}

/**
 * Reads the optional `CVM_Stakeholders`: who the value is for, what they are trying to accomplish
 * and the metric they are judged by. A workbook without it reads as before, with no problem.
 */
export function readStakeholders(input: RangeInput | undefined): StakeholdersRead {
  if (!input) return { problems: [] };
  const { table, problems } = readTable(RANGE, input, COLUMNS);
  if (!table || problems.some((p) => p.code === "column-missing")) return { problems };

  const stakeholders: Stakeholder[] = [];
  const seen = new Map<string, TableCell>();
  for (const row of table.rows) {
    const cells = COLUMNS.flatMap((c) => (row.cells[c.key] ? [row.cells[c.key]!] : []));
    const broken = cells.filter((cell) => cellErrorCode(cell.value) !== undefined);
    for (const cell of broken) {
      problems.push(
        error(
          "stakeholder-cell-error",
          RANGE,
          `This cell of ${RANGE} holds ${cellErrorCode(cell.value)}; type the text it should say, or clear it.`,
          cell.address,
        ),
      );
    }
    const nameCell = row.cells.stakeholder!;
    const name = cellText(nameCell.value);
    if (name === "") {
      // The row has content (empty rows are skipped): a role or objective with nobody to hold it.
      problems.push(
        error("stakeholder-name-missing", RANGE, "This row names no stakeholder; name them, or clear the whole row.", nameCell.address),
      );
      continue;
    }
    if (broken.length > 0) continue;
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push(
        error(
          "stakeholder-repeated",
          RANGE,
          `The stakeholder ${quoted(name)} is already listed in row ${first.address.row + 1}; keep one row per stakeholder.`,
          nameCell.address,
        ),
      );
      continue;
    }
    seen.set(key, nameCell);
    stakeholders.push({
      stakeholder: name,
      role: cellText(row.cells.role?.value),
      objective: cellText(row.cells.objective?.value),
      metric: cellText(row.cells.metric?.value),
      notes: cellText(row.cells.notes?.value),
      nameCell: nameCell.address,
    });
  }
  return { stakeholders, problems };
}

/**
 * Warnings where the stakeholders and the elements do not meet: a stakeholder an element names
 * that the range does not list (at the first element's Stakeholder cell), and a listed
 * stakeholder no element names (at its row). Both still build: the map shows what there is.
 */
export function crossCheckStakeholders(stakeholders: readonly Stakeholder[], elements: readonly Element[]): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set(stakeholders.map((s) => s.stakeholder.toLowerCase()));
  const named = new Set<string>();
  for (const e of elements) {
    const name = e.stakeholder.trim();
    const key = name.toLowerCase();
    if (name === "" || named.has(key)) continue;
    named.add(key);
    if (listed.has(key)) continue;
    problems.push(
      warning(
        "stakeholder-not-listed",
        RANGE,
        `${quoted(name)} is named as a stakeholder in ${RANGE_NAMES.elements} but has no row in ${RANGE}: add a row with their role, objective and metric, so that the Value Map says what the value is for.`,
        e.stakeholderCell ?? e.nameCell,
      ),
    );
  }
  for (const s of stakeholders) {
    if (named.has(s.stakeholder.toLowerCase())) continue;
    problems.push(
      warning(
        "stakeholder-unused",
        RANGE,
        `No value element names ${quoted(s.stakeholder)} as its stakeholder: the Value Map lists them without value. Name them in the Stakeholder column of ${RANGE_NAMES.elements}, or remove the row.`,
        s.nameCell,
      ),
    );
  }
  return problems;
}
