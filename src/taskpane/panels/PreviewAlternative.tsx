import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Results } from "../../core/model/compute";
import { alternativeGiven } from "../../core/model/settings";
import type { ValueModel } from "../../core/model/types";
import { money } from "../format";

const useStyles = makeStyles({
  list: { margin: 0, display: "grid", gridTemplateColumns: "1fr auto", gap: "2px 8px", fontVariantNumeric: "tabular-nums" },
  value: { margin: 0, textAlign: "right" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

/**
 * The preview's next-best alternative, where the model names one: what the alternative costs over
 * the horizon, the price difference and the customer's incentive to purchase, as the Value
 * Summary shows them (the core's numbers). Nothing where the model gives no alternative.
 */
export function PreviewAlternative({ model, results }: { readonly model: ValueModel; readonly results: Results }) {
  const styles = useStyles();
  if (!alternativeGiven(model.settings)) return null;
  const { totals } = results;
  const { alternative, years, currency } = model.settings;
  const m = (n: number) => money(n, currency);
  const horizon = `${years} ${years === 1 ? "year" : "years"}`;
  return (
    <div style={{ display: "grid", gap: 6 }}>
      <h3 className={styles.heading}>Against {alternative}</h3>
      <dl className={styles.list} aria-label={`Against ${alternative}`}>
        <dt>
          <Body1>Alternative&apos;s cost, {horizon}</Body1>
        </dt>
        <dd className={styles.value}>
          <Body1>{m(totals.AlternativeCost)}</Body1>
        </dd>
        <dt>
          <Body1>Price difference</Body1>
        </dt>
        <dd className={styles.value}>
          <Body1>{m(totals.PriceDifference)}</Body1>
        </dd>
        <dt>
          <Body1>Incentive to purchase</Body1>
        </dt>
        <dd className={styles.value}>
          <Body1>
            <strong>{m(totals.Incentive)}</strong>
          </Body1>
        </dd>
      </dl>
      <Caption1>The value over the horizon, measured against {alternative}, less the price difference.</Caption1>
    </div>
  );
}
