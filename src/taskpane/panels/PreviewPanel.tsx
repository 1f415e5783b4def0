import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Results } from "../../core/model/compute";
import type { ValueModel } from "../../core/model/types";
import { money, months, percent, share } from "../format";
import { PreviewAlternative } from "./PreviewAlternative";
import { PreviewOutlook } from "./PreviewOutlook";
import { PreviewRealizationByYear } from "./PreviewRealizationByYear";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: "8px", margin: 0 },
  figure: {
    display: "grid",
    gap: "2px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  term: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  amount: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "normal",
  },
  split: {
    display: "flex",
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground4,
  },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  gray: { backgroundColor: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: "6px" },
  row: { display: "grid", gap: "2px" },
  line: { display: "flex", justifyContent: "space-between", gap: "8px" },
  bar: { height: "6px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorBrandBackground },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

/** Preview: the model's value as the Value Summary will show it, computed without building. */
export function PreviewPanel({
  model,
  results,
  readAt,
}: {
  readonly model: ValueModel;
  readonly results: Results;
  readonly readAt?: Date;
}) {
  const styles = useStyles();
  const { totals } = results;
  const { currency, years, customer, offering } = model.settings;
  const m = (n: number) => money(n, currency);

  return (
    <section aria-labelledby="preview-heading" style={{ display: "grid", gap: 14, gridTemplateColumns: "minmax(0, 1fr)" }}>
      <div>
        <h2 id="preview-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
          Value{customer ? ` to ${customer}` : ""}
        </h2>
        {offering && (
          <Caption1>
            of {offering}, over {years} {years === 1 ? "year" : "years"}
          </Caption1>
        )}
      </div>
      <dl className={styles.figures} aria-label="Results">
        <Figure term="Annual value" amount={m(totals.TotalAnnualValue)} />
        <Figure term={`NPV at ${percent(model.settings.discountRate)}`} amount={m(totals.NPV)} />
        <Figure term="ROI" amount={percent(totals.ROI)} />
        <Figure term="Payback" amount={months(totals.PaybackMonths, years)} />
      </dl>

      <GreenAndGray results={results} currency={currency} />
      <ByStakeholder results={results} currency={currency} />

      <PreviewAlternative model={model} results={results} />

      <PreviewOutlook model={model} results={results} />
      <PreviewRealizationByYear model={model} results={results} />

      <Caption1>
        Net value {m(totals.NetValue)} after a cost of {m(totals.TotalCost)}.
        {readAt ? ` Updated at ${readAt.toLocaleTimeString("en-US")} as the inputs change; nothing is written until you build.` : ""}
      </Caption1>
      {/* Screen readers hear the figures that matter when an edit changes them, not every re-read. */}
      <span aria-live="polite" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clipPath: "inset(50%)" }}>
        Annual value {m(totals.TotalAnnualValue)}, NPV {m(totals.NPV)}.
      </span>
    </section>
  );
}

/** The annual value split into green (hard) and gray (soft) money, as a bar and two amounts. */
function GreenAndGray({ results, currency }: { readonly results: Results; readonly currency: string }) {
  const styles = useStyles();
  const { totals } = results;
  const m = (n: number) => money(n, currency);
  // Shares of what is positive: a negative element (a cost the offering adds) must not push a bar
  // past its track or below zero.
  const greenShare = clamp(share(Math.max(0, totals.Green), Math.max(0, totals.Green) + Math.max(0, totals.Gray)));
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <h3 className={styles.heading}>Green and gray money</h3>
      <div
        className={styles.split}
        role="img"
        aria-label={`${percent(greenShare)} of the annual value is green (hard, documented) money, ${percent(1 - greenShare)} gray (soft).`}
      >
        <div className={styles.green} style={{ width: `${greenShare * 100}%` }} />
        <div className={styles.gray} style={{ width: `${(1 - greenShare) * 100}%` }} />
      </div>
      <div className={styles.line}>
        <Body1>Green (hard) {m(totals.Green)}</Body1>
        <Body1>Gray (soft) {m(totals.Gray)}</Body1>
      </div>
    </div>
  );
}

/** Each stakeholder's annual value, with a bar against the largest. */
function ByStakeholder({ results, currency }: { readonly results: Results; readonly currency: string }) {
  const styles = useStyles();
  const m = (n: number) => money(n, currency);
  const largest = Math.max(0, ...results.byStakeholder.map((s) => s.annualValue));
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <h3 className={styles.heading}>By stakeholder</h3>
      <ul className={styles.list} aria-label="Annual value by stakeholder">
        {results.byStakeholder.map(({ stakeholder, annualValue }) => (
          <li key={stakeholder} className={styles.row}>
            <div className={styles.line}>
              <Body1>{stakeholder || "No stakeholder named"}</Body1>
              <Body1>{m(annualValue)}</Body1>
            </div>
            <div className={styles.bar} style={{ width: `${clamp(share(annualValue, largest)) * 100}%` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </div>
  );
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}

function Figure({ term, amount }: { readonly term: string; readonly amount: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.amount}>{amount}</dd>
    </div>
  );
}
