/** The workbench's number-format renderer: what Excel shows for a value under a format. */
import { moneyFormat, DATE_TIME_FORMAT, GENERAL_NUMBER_FORMAT, MONTHS_FORMAT, PERCENT_FORMAT } from "../../../src/core/plan/formats";
import { formatGeneral, formatValue } from "../../../src/devtools/workbench/number-format";

const text = (value: number | string | boolean, format?: string) => formatValue(value, format).text;

describe("formatValue", () => {
  test.each([
    // What the add-in and the sample write.
    [1234567.4, '"$"#,##0', "$1,234,567"],
    [-250000, '"$"#,##0;[Red]-"$"#,##0', "-$250,000"],
    [1234.5, '"$"#,##0;[Red]-"$"#,##0', "$1,235"],
    [0, '"$"#,##0;[Red]-"$"#,##0', "$0"],
    [1500, "[$USD] #,##0", "USD 1,500"],
    [1500, "[$$-409]#,##0.00", "$1,500.00"],
    [1200, "#,##0", "1,200"],
    [999.5, "#,##0", "1,000"],
    [12, "#,##0", "12"],
    [0.35, "0%", "35%"],
    [0.125, "0.0%", "12.5%"],
    [0.08, PERCENT_FORMAT, "8.0%"],
    [-0.042, "0.0%", "-4.2%"],
    [14.25, MONTHS_FORMAT, "14.3"],
    // Excel rounds halves on the 15-digit decimal, not on the double: Excel's own display as
    // reported in dream-num/univer#7244 (1.01), yukiyokotani/office-open-xml-viewer#801 (2.68) and
    // SheetJS/sheetjs#1105 (1.23).
    [1.005, "0.00", "1.01"],
    [2.675, "#,##0.00", "2.68"],
    [1.225, "0.00", "1.23"],
    [1.005, "0.000000000000", "1.005000000000"],
    [2.5, "0", "3"],
    [-2.5, "0", "-3"],
    [0.012, GENERAL_NUMBER_FORMAT, "0.012"],
    [1234567.125, GENERAL_NUMBER_FORMAT, "1234567.125"],
    [42, GENERAL_NUMBER_FORMAT, "42"],
    // Why the plan no longer uses it: Excel keeps the point when no decimal follows.
    [1234567.125, "#,##0.####", "1,234,567.125"],
    [42, "#,##0.####", "42."],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.5, "#.##", ".5"],
    [0, "#,###", ""],
    [5, "0;(0);-", "5"],
    [-5, "0;(0);-", "(5)"],
    [0, "0;(0);-", "-"],
    [-0.0001, "0.0", "0.0"],
    [1234567, "#,##0,", "1,235"],
    [1234567, '0.0,,"M"', "1.2M"],
    [5551234, "000-0000", "555-1234"],
    [7, "000", "007"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.00012, "0.0E+0", "1.2E-4"],
    // Excel draws fractions (MS-OI29500 2.1.713 d; Walkenbach, Excel 2010 Bible, ch. 24:
    // `# ?/?` reduces to lowest terms, `?/?` shows 2.5 as 5/2). The old renderer showed General.
    [3.5, "# ?/?", "3 1/2"],
    [2.5, "?/?", "5/2"],
    [5, "0_);(0)", "5 "],
    [150, '[>=100]"big";"small"', "big"],
    [50, '[>=100]"big";"small"', "small"],
    [46000.5, DATE_TIME_FORMAT, "2025-12-09 12:00"],
    [46000, "d mmm yyyy", "9 Dec 2025"],
    [46000, "dddd, mmmm d", "Tuesday, December 9"],
    [0.75, "h:mm AM/PM", "6:00 PM"],
    [1.5, "[h]:mm", "36:00"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(text(value, format)).toBe(shown);
  });

  test("the money format the add-in writes, for other currencies", () => {
    expect(text(-1234, moneyFormat("EUR"))).toBe("-€1,234");
    expect(text(1234, moneyFormat("CHF"))).toBe("CHF 1,234");
    expect(text(1234, moneyFormat("XYZ"))).toBe("XYZ 1,234");
  });

  test("a section's colour comes with the text", () => {
    expect(formatValue(-5, '"$"#,##0;[Red]-"$"#,##0')).toEqual({ text: "-$5", color: expect.stringMatching(/^#[0-9A-F]{6}$/) });
    expect(formatValue(5, '"$"#,##0;[Red]-"$"#,##0')).toEqual({ text: "$5" });
    expect(formatValue(5, "[Blue]0")).toEqual({ text: "5", color: "#0000FF" });
  });

  test("text, booleans and errors", () => {
    expect(text("Northwind", "#,##0")).toBe("Northwind");
    expect(text("x", '0;-0;0;"<"@">"')).toBe("<x>");
    expect(text("x", "@")).toBe("x");
    expect(text(true)).toBe("TRUE");
    expect(text(false, "0%")).toBe("FALSE");
    expect(text("#DIV/0!", "0.0%")).toBe("#DIV/0!");
    expect(text("", "0%")).toBe("");
    expect(formatValue(null).text).toBe("");
    expect(formatValue(undefined).text).toBe("");
  });

  test("unknown formats fall back to General", () => {
    expect(text(0.5, '"unterminated')).toBe("0.5");
    expect(text(1234.5, "[Bogus]0")).toBe("1234.5");
    expect(text(1234.5, "0;0;0;0;0")).toBe("1234.5");
    expect(text(1234.5, "")).toBe("1234.5");
    expect(text(1234.5, "general")).toBe("1234.5");
  });
});

describe("General", () => {
  test.each([
    [0, "0"],
    [1200, "1200"],
    [-42, "-42"],
    [0.012, "0.012"],
    [1 / 3, "0.333333333"],
    [-1 / 3, "-0.333333333"],
    [2 / 3, "0.666666667"],
    [1234.5678, "1234.5678"],
    [123456.789012345, "123456.789"],
    [0.1 + 0.2, "0.3"],
    [99999999999, "99999999999"],
    [123456789012, "1.23457E+11"],
    [1e-10, "1E-10"],
    [0.000123, "0.000123"],
  ])("%p shows %p", (value, shown) => {
    expect(formatGeneral(value)).toBe(shown);
    expect(text(value)).toBe(shown);
  });
});
