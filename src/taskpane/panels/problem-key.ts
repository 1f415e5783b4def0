import type { Problem } from "../../core/problems";

/** A key that stays with its problem across re-reads, so focus and scroll do not jump to another. */
export function problemKey(problem: Problem): string {
  const { cell } = problem;
  return [problem.code, problem.range, cell?.sheet, cell?.row, cell?.column, problem.message].join("\u0001");
}
