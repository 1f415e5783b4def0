import { isoDate } from "../../src/core/results-json";

/**
 * Dates of CVM_Actuals as `--json` prints them: as Excel shows the serial. Excel's own serials
 * (DATE(1900,1,1) is 1, DATE(1900,3,1) is 61, DATE(2025,1,1) is 45658) and its 29 February 1900,
 * serial 60, which Microsoft keeps for compatibility with Lotus 1-2-3.
 */
test.each([
  [1, "1900-01-01"],
  [59, "1900-02-28"],
  [60, "1900-02-29"],
  [61, "1900-03-01"],
  [45658, "2025-01-01"],
  [45658.75, "2025-01-01"],
  [46416, "2027-01-29"],
])("serial %d is %s", (serial, shown) => {
  expect(isoDate(serial)).toBe(shown);
});
