import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readCustomersCsv } from "../../src/cli/batch/customers-csv";
import { analyzeWorkbook } from "../../src/core/model/analyze";
import { readSettings } from "../../src/core/model/read-settings";
import { type SettingDeclaration, SETTINGS } from "../../src/core/model/settings";
import { planSummary } from "../../src/core/plan/summary";
import type { CellValue } from "../../src/core/workbook/cells";

/**
 * Every setting declared in src/core/model/settings.ts must be read from CVM_Settings, shown on
 * the Value Summary, known to the batch CSV and described in the workbook contract: a setting
 * added to the table and forgotten by one of them fails here.
 */

/** A value for each setting that no default and no other setting has, as written in the Setting | Value range, and as read. */
function sample(d: SettingDeclaration, i: number): { written: CellValue; read: string | number } {
  switch (d.kind) {
    case "text":
      return { written: `Test ${d.label} ${i}`, read: `Test ${d.label} ${i}` };
    case "currency":
      return { written: "eur", read: "EUR" };
    case "whole":
      return { written: 7 + i, read: 7 + i };
    case "rate":
      return { written: 0.0731 + i / 1000, read: 0.0731 + i / 1000 };
    case "money":
      return { written: 123457 + i * 1111, read: 123457 + i * 1111 };
  }
}
const SETTINGS_RANGE = {
  address: "Settings!A1:B" + (SETTINGS.length + 1),
  values: [["Setting", "Value"], ...SETTINGS.map((d, i) => [d.label, sample(d, i).written])],
};

test.each(SETTINGS.map((d, i) => [d.label, d, i] as const))("the setting %s is read from CVM_Settings, with its cell", (_, d, i) => {
  const { settings, problems } = readSettings(SETTINGS_RANGE);
  expect(problems).toEqual([]);
  expect(settings[d.key]).toBe(sample(d, i).read);
  if (d.kind !== "currency") expect(settings.cells[d.key]).toEqual({ sheet: "Settings", row: i + 1, column: 1 });
});

describe("every setting is shown on the Value Summary", () => {
  const analysis = analyzeWorkbook({
    variables: {
      address: "Inputs!A1:B2",
      values: [
        ["Name", "Value"],
        ["Miles", 10],
      ],
    },
    elements: {
      address: "Elements!A1:B2",
      values: [
        ["Element", "Formula"],
        ["Repairs", "Miles*100"],
      ],
    },
    settings: SETTINGS_RANGE,
  });
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const { cells } = planSummary(analysis.model, analysis.results, "2026-11-23 12:00 UTC").sheet;
  const at = (row: number, column: number) => cells.find((c) => c.row === row && c.column === column)?.content;
  const shown = (row: number) => {
    const content = at(row, 0);
    return content?.kind === "text" || content?.kind === "formula" ? String(content.value) : "";
  };

  test.each(SETTINGS.map((d, i) => [d.label, d, i] as const))("%s", (_, d, i) => {
    const value = sample(d, i).read;
    if (d.summary.place === "title") expect(shown(0)).toContain(String(value));
    else if (d.summary.place === "subtitle") expect(shown(1)).toContain(String(value));
    else {
      const { label, live } = d.summary;
      const row = cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === label)?.row;
      expect(row).toBeDefined();
      const content = at(row!, 1);
      expect(content?.kind === "number" || content?.kind === "formula" ? content.value : undefined).toBe(value);
      const cell = `Settings!$B$${i + 2}`;
      // A text term (the alternative's name) reads an emptied cell as its default, as the add-in reads it.
      const formula = d.kind === "text" ? `=IF(${cell}="","${d.default}",${cell})` : `=${cell}`;
      if (live) expect(content).toMatchObject({ kind: "formula", formula });
    }
  });
});

test.each(SETTINGS.map((d) => [d.label, d] as const))("the batch CSV takes a column %s as the setting it is", (_, d) => {
  const variables = [{ name: "Miles", value: 10, percent: false }];
  if (d.key === "customer") {
    const csv = readCustomersCsv(`${d.label},Miles\nAcme,12\n`, variables);
    expect(csv.problems).toEqual([]);
    expect(csv.customers).toHaveLength(1);
  } else if (d.csvColumn) {
    // A setting set per customer: the model must have its row in CVM_Settings to keep it.
    const written = d.kind === "text" ? "Manual patrols" : "1200";
    const csv = readCustomersCsv(`Customer,Miles,${d.label}\nAcme,12,${written}\n`, variables, [], [d.key]);
    expect(csv.problems).toEqual([]);
    expect(csv.customers[0]?.settings).toEqual({ [d.key]: d.kind === "text" ? "Manual patrols" : 1200 });
  } else {
    const csv = readCustomersCsv(`Customer,Miles,${d.label}\nAcme,12,1\n`, variables);
    expect(csv.problems.map((p) => p.message)).toEqual([
      expect.stringContaining(`${d.label} is a setting of the model (CVM_Settings), not a variable`),
    ]);
  }
});

test("the workbook contract lists every setting with its default", async () => {
  const contract = await fs.readFile(path.resolve(__dirname, "../../docs/workbook-contract.md"), "utf8");
  const section = contract.slice(contract.indexOf("### `CVM_Settings`"));
  const rows = new Map(
    section
      .split("\n")
      .slice(3)
      .filter((line) => line.startsWith("| "))
      .map((line) => line.split("|").map((cell) => cell.trim()))
      // The table's rule under its header (`| --- |`, however wide a formatter draws it) is no row.
      .filter(([, first]) => !/^:?-+:?$/.test(first ?? ""))
      .map(([, setting, fallback]) => [setting!, fallback!]),
  );
  expect([...rows.keys()]).toEqual(SETTINGS.map((d) => d.label));
  for (const d of SETTINGS) {
    const documented = rows.get(d.label)!;
    expect(typeof d.default === "number" ? Number(documented) : documented === "(empty)" ? "" : documented).toBe(d.default);
  }
});
