import { describeLocation, type Problem } from "../../src/core/problems";
import type { CellAddress } from "../../src/core/workbook/address";
import type { ExpectedProblem, HostileCase } from "./corpus";

/** A message a sales engineer can read at a glance; a 100,000-character name must not make it a wall of text. */
export const MAX_MESSAGE_LENGTH = 600;

const sameCell = (a: CellAddress | undefined, b: CellAddress | null) =>
  b === null ? a === undefined : a !== undefined && a.sheet === b.sheet && a.row === b.row && a.column === b.column;

function show(p: { code: string; range: string; cell?: CellAddress | null; message?: unknown }): string {
  return `${p.code} at ${p.cell ? describeLocation({ severity: "error", code: p.code, range: p.range, message: "", cell: p.cell }) : p.range}${p.message ? `: ${String(p.message)}` : ""}`;
}

function matches(p: Problem, e: ExpectedProblem): boolean {
  return p.code === e.code && p.range === e.range && sameCell(p.cell, e.cell) && (e.message === undefined || e.message.test(p.message));
}

/**
 * Checks that the problems hold each expected problem at its place, that every error is of a rule
 * the case expects (and, where the case says, how many there are), and that every sentence is short.
 */
export function expectReported(problems: readonly Problem[], c: HostileCase): void {
  const errors = problems.filter((p) => p.severity === "error");
  const listing = () =>
    errors
      .slice(0, 10)
      .map((p) => `  ${show(p)}`)
      .join("\n") + (errors.length > 10 ? `\n  … ${errors.length - 10} more` : "");
  for (const e of c.expected) {
    if (!errors.some((p) => matches(p, e))) throw new Error(`${c.name}: expected ${show(e)}\nbut the errors were:\n${listing()}`);
  }
  const codes = new Set(c.expected.map((e) => e.code));
  const others = errors.filter((p) => !codes.has(p.code));
  if (others.length > 0)
    throw new Error(
      `${c.name}: errors of rules the case does not expect:\n${others
        .slice(0, 10)
        .map((p) => `  ${show(p)}`)
        .join("\n")}`,
    );
  if (c.errors !== undefined && errors.length !== c.errors)
    throw new Error(`${c.name}: expected ${c.errors} errors, got ${errors.length}:\n${listing()}`);
  const long = problems.filter((p) => p.message.length > MAX_MESSAGE_LENGTH);
  if (long.length > 0) throw new Error(`${c.name}: a message of ${long[0]!.message.length} characters: ${long[0]!.message.slice(0, 200)}…`);
}

/** Where `cvm build` says the problem is: `sheet "Inputs", row 7, column B (CVM_Variables)`, or the range's name. */
export function locationText(e: ExpectedProblem): string {
  return e.cell ? describeLocation({ severity: "error", code: e.code, range: e.range, message: "", cell: e.cell }) : e.range;
}
