import { makeStyles, tokens } from "@fluentui/react-components";

export const useCustomersStyles = makeStyles({
  section: { display: "grid", gap: "12px", gridTemplateColumns: "minmax(0, 1fr)" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  form: { display: "grid", gap: "8px", gridTemplateColumns: "minmax(0, 1fr)" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: "8px" },
  profile: {
    display: "grid",
    gap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  name: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  plain: { margin: 0, paddingLeft: "18px", display: "grid", gap: "2px" },
  surface: { maxWidth: "calc(100vw - 24px)", boxSizing: "border-box" },
  change: { fontVariantNumeric: "tabular-nums" },
});
