/**
 * The workbench page: a simulated Excel workbook on the left, the real task pane on the right in a
 * column as wide as Excel's default task pane, and a top bar saying what this is.
 */
import { FluentProvider, Link, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import type { ExcelSimulation } from "../simulation/excel";
import { TaskPane } from "../../taskpane/TaskPane";
import { fluentTheme } from "../../taskpane/theme";
import { WorkbookView } from "./grid/WorkbookView";
import { type WorkbenchOptions, queryOf } from "./options";
import { gridWorkbookOf, simulationHost } from "./simulation";

/** Excel's default task pane width, in CSS pixels. */
export const TASK_PANE_WIDTH = 350;

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: "16px",
    rowGap: "2px",
    padding: "8px 14px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase300,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  explanation: { margin: 0, color: tokens.colorNeutralForeground2, flexGrow: 1, minWidth: 0 },
  links: { display: "flex", gap: "12px" },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  workbookSection: { flexGrow: 1, minHeight: 0, display: "flex", flexDirection: "column" },
  pane: {
    width: `${TASK_PANE_WIDTH}px`,
    flexShrink: 0,
    boxSizing: "border-box",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    overflowY: "auto",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function Workbench({ simulation, options }: { readonly simulation: ExcelSimulation; readonly options: WorkbenchOptions }) {
  const styles = useStyles();
  const host = useMemo(() => simulationHost(simulation), [simulation]);
  const workbook = useMemo(() => gridWorkbookOf(simulation), [simulation]);
  const other = options.workbook === "empty" ? "sample" : "empty";
  return (
    <FluentProvider theme={fluentTheme(options.theme)} className={styles.page}>
      <header className={styles.top}>
        <h1 className={styles.title}>Customer Value Model · workbench</h1>
        <p className={styles.explanation}>
          A simulated Excel workbook ({options.workbook === "empty" ? "empty" : "the bundled pipeline-leak sample"}), no Excel needed: the
          task pane on the right is the add-in&apos;s own code, working on it.
        </p>
        <nav className={styles.links} aria-label="Workbench">
          <Link href={queryOf(options) || "?"}>Reset</Link>
          <Link href={queryOf({ ...options, workbook: other }) || "?"}>{other === "empty" ? "Empty workbook" : "Sample workbook"}</Link>
        </nav>
      </header>
      <div className={styles.body}>
        {/* The sheet is drawn light in either theme, as Excel draws cells. */}
        <FluentProvider theme={webLightTheme} className={styles.workbook}>
          <section className={styles.workbookSection} aria-label="Simulated workbook">
            <WorkbookView workbook={workbook} />
          </section>
        </FluentProvider>
        <div className={styles.pane} data-testid="task-pane">
          <TaskPane host={host} theme={options.theme} />
        </div>
      </div>
    </FluentProvider>
  );
}
