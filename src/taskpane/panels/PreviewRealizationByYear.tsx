import { Caption1 } from "@fluentui/react-components";
import type { Results } from "../../core/model/compute";
import { realizationByYear } from "../../core/model/realization-by-year";
import type { ValueModel } from "../../core/model/types";
import { usePreviewTableStyles } from "./preview-table";
import { money, percent } from "../format";

/**
 * The preview's realization by year (where CVM_Actuals has results): each measured year's
 * estimate and actual over the element-years measured, the share realized, and the total to date;
 * the same numbers as the Value Summary's "Realization by year", from the core. Nothing without actuals.
 */
export function PreviewRealizationByYear({ model, results }: { readonly model: ValueModel; readonly results: Results }) {
  const styles = usePreviewTableStyles();
  const realization = realizationByYear(model, results);
  if (!realization) return null;
  const m = (n: number) => money(n, model.settings.currency);
  const last = realization.years.at(-1)!;
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <h3 className={styles.heading}>Realization by year</h3>
      <table className={styles.table} aria-label="Realization by year">
        <thead>
          <tr>
            <th className={styles.label} scope="col">
              Year
            </th>
            <th className={styles.cell} scope="col">
              Estimated
            </th>
            <th className={styles.cell} scope="col">
              Actual
            </th>
            <th className={styles.cell} scope="col">
              Realized
            </th>
          </tr>
        </thead>
        <tbody>
          {realization.years.map((y) => (
            <tr key={y.year}>
              <th className={styles.label} scope="row">
                Year {y.year}
              </th>
              <td className={styles.cell}>{m(y.estimated)}</td>
              <td className={styles.cell}>{m(y.actual)}</td>
              <td className={styles.cell}>{percent(y.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1>
        To date {m(realization.realizedToDate)} realized of {m(realization.estimatedToDate)} estimated ({percent(last.shareToDate)}), over
        the {realization.measured.length} element-year{realization.measured.length === 1 ? "" : "s"} measured.
      </Caption1>
    </div>
  );
}
