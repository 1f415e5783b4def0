import { Body1, Caption1 } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Results } from "../../core/model/compute";
import { realizedValue } from "../../core/model/realization";
import { hasScenarios, scenarioResults } from "../../core/model/scenarios";
import type { ValueModel } from "../../core/model/types";
import { usePreviewTableStyles } from "./preview-table";
import { money, percent } from "../format";

/**
 * The preview's scenarios (where variables have Low and High) and realization (where elements
 * have an Actual): the same numbers the Value Summary's sections compute, from the core.
 */
export function PreviewOutlook({ model, results }: { readonly model: ValueModel; readonly results: Results }) {
  const styles = usePreviewTableStyles();
  // Three computations of the whole model: only when the model changes, not on every render.
  const scenarios = useMemo(() => (hasScenarios(model) ? scenarioResults(model) : undefined), [model]);
  const realized = realizedValue(model);
  const m = (n: number | undefined) => (n === undefined ? "—" : money(n, model.settings.currency));
  const measuredEstimate = results.elements.filter((e) => e.element.actual !== undefined).reduce((sum, e) => sum + e.annualValue, 0);

  return (
    <>
      {scenarios && (
        <div style={{ display: "grid", gap: 6 }}>
          <h3 className={styles.heading}>Scenarios</h3>
          <table className={styles.table} aria-label="Scenarios">
            <thead>
              <tr>
                <th className={styles.label} scope="col">
                  <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clipPath: "inset(50%)" }}>Result</span>
                </th>
                <th className={styles.cell} scope="col">
                  Conservative
                </th>
                <th className={styles.cell} scope="col">
                  Expected
                </th>
                <th className={styles.cell} scope="col">
                  Optimistic
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["Annual value", (r: Results) => m(r.totals.TotalAnnualValue)],
                  ["NPV", (r: Results) => m(r.totals.NPV)],
                  ["ROI", (r: Results) => percent(r.totals.ROI)],
                ] as const
              ).map(([label, show]) => (
                <tr key={label}>
                  <th className={styles.label} scope="row">
                    {label}
                  </th>
                  {(["conservative", "expected", "optimistic"] as const).map((scenario) => {
                    const outcome = scenarios[scenario];
                    return (
                      <td key={scenario} className={styles.cell}>
                        {outcome.ok ? show(outcome.results) : "fails"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <Caption1>Conservative: every variable with a Low and a High at its Low; optimistic: at its High.</Caption1>
        </div>
      )}
      {realized.recorded > 0 && (
        <div style={{ display: "grid", gap: 4 }}>
          <h3 className={styles.heading}>Realized so far</h3>
          <Body1>
            {m(realized.total)} of {m(measuredEstimate)} estimated for {realized.recorded} measured{" "}
            {realized.recorded === 1 ? "element" : "elements"}
            {measuredEstimate === 0 ? "" : ` (${percent(realized.total / measuredEstimate)})`}.
          </Body1>
        </div>
      )}
    </>
  );
}
