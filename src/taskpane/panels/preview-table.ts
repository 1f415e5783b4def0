import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The Preview's small tables (scenarios, realization by year): figures right-aligned in tabular
 * digits and never broken across lines, which in a 320-pixel pane would split "$4,803,908" in two.
 */
export const usePreviewTableStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontVariantNumeric: "tabular-nums" },
  cell: { textAlign: "right", padding: "2px 0 2px 6px", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  label: { textAlign: "left", padding: "2px 0", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});
