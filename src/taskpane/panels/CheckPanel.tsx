import { Body1, Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type ExcelHost, selectCell } from "../../adapters/excel";
import { describeLocation, type Problem } from "../../core/problems";
import { formatCell } from "../../core/workbook/address";
import { problemKey } from "./problem-key";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: "4px" },
  problem: {
    display: "grid",
    gap: "2px",
    width: "100%",
    justifyItems: "start",
    textAlign: "start",
    padding: "6px 8px",
    minHeight: "auto",
    fontWeight: tokens.fontWeightRegular,
  },
  still: { padding: "6px 8px" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Check: every problem of the model; one with a cell selects that cell when clicked. */
export function CheckPanel({
  host,
  problems,
  readAt,
}: {
  readonly host: ExcelHost;
  readonly problems: readonly Problem[];
  readonly readAt?: Date;
}) {
  const styles = useStyles();
  const [lost, setLost] = useState<string | undefined>();
  // A thousand rows with the same mistake make a thousand problems: the first ones, then all on request.
  const [shown, setShown] = useState(FIRST_SHOWN);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;

  const show = async (problem: Problem) => {
    if (!problem.cell) return;
    setLost(undefined);
    try {
      if (!(await selectCell(host, problem.cell)))
        setLost(`The sheet "${problem.cell.sheet}" is no longer there; check again to update the list.`);
    } catch (e) {
      setLost(`Excel could not select the cell (a hidden sheet, or a cell being edited?): ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="check-heading" style={{ display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
      <h2 id="check-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Problems
      </h2>
      <div role="status">
        {problems.length === 0 ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>The model has no problems.</MessageBarBody>
          </MessageBar>
        ) : (
          <Body1>
            {count(errors, "error")}
            {warnings > 0 ? `, ${count(warnings, "warning")}` : ""}.{" "}
            {errors > 0 ? "Nothing can be built until the errors are fixed." : "Warnings do not stop a build."}
          </Body1>
        )}
      </div>
      {problems.length > 0 && (
        <ul className={styles.list} aria-label="Problems">
          {problems.slice(0, shown).map((problem) => (
            <ProblemItem key={problemKey(problem)} problem={problem} onSelect={() => void show(problem)} />
          ))}
        </ul>
      )}
      {problems.length > shown && (
        <div>
          <Button onClick={() => setShown(problems.length)}>Show all {problems.length} problems</Button>
        </div>
      )}
      {lost && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{lost}</MessageBarBody>
        </MessageBar>
      )}
      {readAt && <Caption1>Checked at {readAt.toLocaleTimeString("en-US")}; the list follows your edits.</Caption1>}
    </section>
  );
}

const FIRST_SHOWN = 50;

/** One problem: with a cell, a button that selects it. */
function ProblemItem({ problem, onSelect }: { readonly problem: Problem; readonly onSelect: () => void }) {
  const styles = useStyles();
  const kind = problem.severity === "error" ? "Error" : "Warning";
  const where = problem.cell ? formatCell(problem.cell) : problem.range;
  const body = (
    <>
      <Caption1>
        <span className={problem.severity === "error" ? styles.error : styles.warning}>{kind}</span> · {where}
      </Caption1>
      <Body1>{problem.message}</Body1>
    </>
  );
  return (
    <li>
      {problem.cell ? (
        <Button
          appearance="subtle"
          className={styles.problem}
          onClick={onSelect}
          aria-label={`${kind} in ${describeLocation(problem)}: ${problem.message} Select the cell.`}
        >
          {body}
        </Button>
      ) : (
        <div className={styles.still}>{body}</div>
      )}
    </li>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
