import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { progressLine, terminalProgress } from "../../src/cli/batch/progress";
import {
  csvField,
  filesOfEarlierBatch,
  neutraliseFormula,
  type RollupEntry,
  rollupCsv,
  rollupJson,
  type RollupTotals,
} from "../../src/cli/batch/rollup";
import { chooseThreads, defaultOutDir, MAX_THREADS, MIN_CUSTOMERS_FOR_WORKERS } from "../../src/cli/batch/run-batch";

const TOTALS: RollupTotals = {
  TotalAnnualValue: 0.1 + 0.2,
  Green: 1 / 3,
  Gray: -1234567.891,
  TotalBenefit: 1e21,
  TotalCost: 0,
  NetValue: 5e-7,
  NPV: -0.000001,
  ROI: null,
  PaybackMonths: null,
};

const entry = (customer: string, file = "x.value.xlsx"): RollupEntry => ({ line: 2, customer, file, totals: TOTALS });

describe("rollup.csv", () => {
  test("a header, then one row per customer with every total at full precision, empty where there is no value", () => {
    const text = rollupCsv([entry("Acme", "Acme.value.xlsx")]);
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text.split("\r\n")).toEqual([
      "\ufeffCustomer,File,TotalAnnualValue,Green,Gray,TotalBenefit,TotalCost,NetValue,NPV,ROI,PaybackMonths",
      "Acme,Acme.value.xlsx,0.30000000000000004,0.3333333333333333,-1234567.891,1e+21,0,5e-7,-0.000001,,",
      "",
    ]);
    // Every number reads back to the very same double.
    const [, row] = parse(text, { bom: true }) as string[][];
    expect(row!.slice(2, 9).map(Number)).toEqual([0.1 + 0.2, 1 / 3, -1234567.891, 1e21, 0, 5e-7, -0.000001]);
  });

  test("names that a spreadsheet would run as a formula are neutralised with a quote; commas, quotes and line breaks are quoted", () => {
    const names = [
      '=HYPERLINK("http://x","y")',
      "+1 555 0100",
      "-Acme",
      "@SUM(A1)",
      "\tTabbed",
      "\rReturn",
      "Fabrikam, Inc.",
      'The "Best" Pipes',
      "Two\nlines",
      " edge ",
    ];
    const rows = parse(rollupCsv(names.map((n) => entry(n, `${n}.value.xlsx`))), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://x","y")',
      "'+1 555 0100",
      "'-Acme",
      "'@SUM(A1)",
      "'\tTabbed",
      "'\rReturn",
      "Fabrikam, Inc.",
      'The "Best" Pipes',
      "Two\nlines",
      " edge ",
    ]);
    // The file column is text too.
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://x","y").value.xlsx');
    // Negative numbers stay numbers.
    expect(rows[1]![4]).toBe("-1234567.891");
  });

  test("the field rules one by one", () => {
    expect(neutraliseFormula("Acme")).toBe("Acme");
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
  });
});

describe("rollup.json", () => {
  test("keeps exact names and numbers, null where there is no value, and lists earlier files", () => {
    const json = JSON.parse(
      rollupJson({
        model: "m.xlsx",
        customersCsv: "c.csv",
        built: "2026-11-23T09:30:00.000Z",
        currency: "EUR",
        customers: [entry('=Evil, Inc."', "Evil.value.xlsx")],
        earlierFiles: ["Old.value.xlsx"],
      }),
    );
    expect(json).toEqual({
      model: "m.xlsx",
      customersCsv: "c.csv",
      built: "2026-11-23T09:30:00.000Z",
      currency: "EUR",
      customers: [{ customer: '=Evil, Inc."', file: "Evil.value.xlsx", line: 2, totals: { ...TOTALS } }],
      earlierFiles: ["Old.value.xlsx"],
    });
    expect(json.customers[0].totals.TotalAnnualValue).toBe(0.1 + 0.2);
  });

  test("an earlier batch's files are read from its rollup.json; anything else is nobody's", () => {
    const earlier = rollupJson({
      model: "m.xlsx",
      customersCsv: "c.csv",
      built: "x",
      currency: "USD",
      customers: [entry("A", "A.value.xlsx")],
      earlierFiles: ["Old.value.xlsx", "../escape.xlsx"],
    });
    expect(filesOfEarlierBatch(earlier)).toEqual(["A.value.xlsx", "Old.value.xlsx", "rollup.csv", "rollup.json"]);
    expect(filesOfEarlierBatch("not json")).toBeUndefined();
    expect(filesOfEarlierBatch('{"name":"my own rollup"}')).toBeUndefined();
    expect(filesOfEarlierBatch('{"customers":[{"customer":"A"}]}')).toBeUndefined();
  });
});

describe("progress and threads", () => {
  test("the progress line counts, rates and estimates, and fits the terminal", () => {
    expect(progressLine({ done: 250, total: 1000, elapsedMs: 5000 })).toBe(
      "[#######.......................]  250/1000 workbooks  50 a second  ETA 15 s",
    );
    expect(progressLine({ done: 0, total: 3, elapsedMs: 0 })).toBe("[..............................] 0/3 workbooks  0.0 a second  ETA --");
    expect(progressLine({ done: 10, total: 5000, elapsedMs: 2000 })).toContain("ETA 16 min 38 s");
    const narrow = progressLine({ done: 1, total: 2, elapsedMs: 100 }, 30);
    expect(narrow.length).toBeLessThan(30);
  });

  test("the bar is drawn with carriage returns and cleared at the end, leaving nothing", () => {
    let written = "";
    let clock = 0;
    const bar = terminalProgress((t) => (written += t), 3, { now: () => clock, intervalMs: 100 });
    clock = 10;
    bar.update(1); // within the interval: not drawn
    clock = 200;
    bar.update(2);
    clock = 210;
    bar.update(3); // the last is always drawn
    bar.finish();
    const frames = written.split("\r").filter((f) => f.trim() !== "");
    expect(frames.map((f) => f.trim().match(/(\d)\/3/)![1])).toEqual(["0", "2", "3"]);
    expect(written.endsWith("\r")).toBe(true);
    expect(written).not.toContain(String.fromCharCode(0x1b));
    expect(written).not.toContain("\n");
  });

  test("worker threads only for enough customers, at most MAX_THREADS in all, as many as asked for otherwise", () => {
    expect(chooseThreads("auto", MIN_CUSTOMERS_FOR_WORKERS - 1, 8)).toBe(1);
    expect(chooseThreads("auto", MIN_CUSTOMERS_FOR_WORKERS, 2)).toBe(2);
    expect(chooseThreads("auto", 1000, 16)).toBe(MAX_THREADS);
    expect(chooseThreads("auto", 1000, 1)).toBe(1);
    expect(chooseThreads(3, 1000, 2)).toBe(3);
    expect(chooseThreads(8, 2, 8)).toBe(2);
  });

  test("the default output folder sits beside the model", () => {
    expect(defaultOutDir(path.join("models", "pipeline.xlsx"))).toBe(path.join("models", "pipeline.customers"));
    expect(defaultOutDir("Model.XLSX")).toBe("Model.customers");
  });
});
