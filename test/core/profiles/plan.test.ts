import {
  planDelete,
  planKeepOnly,
  planSave,
  PROFILES_DESCRIPTION,
  readCurrentValues,
  readProfilesSheet,
  type ProfileCell,
  type ProfilesRead,
} from "../../../src/core/profiles";
import { profilesSheet, rangeAt, settingsRange, variablesRange } from "./helpers";

const NOW = new Date(Date.UTC(2026, 10, 23, 9, 30));
/** 2026-11-23 09:30 as Excel counts it: 36,526 for 2000-01-01, 9,497 days to 2026-01-01, 326 more to November 23, and 9.5 hours. */
const NOW_SERIAL = 36526 + 9497 + 326 + 9.5 / 24;

const t = (value: string): ProfileCell => ({ kind: "text", value });
const n = (value: number): ProfileCell => ({ kind: "number", value });
const DATE = "yyyy-mm-dd hh:mm";
/** The serial up to float rounding (the add-in divides milliseconds by a day's). */
const SAVED = expect.closeTo(NOW_SERIAL, 8) as number;

function sheetWith(options: Parameters<typeof profilesSheet>[0]): ProfilesRead {
  return readProfilesSheet({ name: "CVM_Profiles", used: profilesSheet(options) });
}

const model = readCurrentValues({
  variables: variablesRange([
    ["Miles", 1200],
    ["Rate", 0.1],
  ]),
  settings: settingsRange([["Customer", "Northwind"]]),
});

describe("planning the profiles sheet", () => {
  test("the first save creates the sheet: marker, format, active, header and one row", () => {
    const outcome = planSave({ kind: "absent" }, "  Northwind ", model, NOW);
    expect(outcome).toEqual({
      ok: true,
      plan: {
        sheet: "CVM_Profiles",
        create: true,
        top: [
          [t("CVM_Profiles"), t(PROFILES_DESCRIPTION)],
          [t("format"), n(1)],
          [t("active"), t("Northwind")],
        ],
        table: [
          [t("Customer"), t("Saved"), t("Miles"), t("Rate")],
          [t("Northwind"), n(SAVED), n(1200), n(0.1)],
        ],
        numberFormats: [
          ["General", "General", "General", "General"],
          ["General", DATE, "General", "General"],
        ],
        profiles: [
          {
            name: "Northwind",
            saved: SAVED,
            values: [
              { variable: "Miles", value: 1200 },
              { variable: "Rate", value: 0.1 },
            ],
          },
        ],
        active: "Northwind",
        edit: expect.objectContaining({ addSheets: [{ name: "CVM_Profiles", visibility: "hidden" }] }),
      },
    });
    expect(outcome.ok && outcome.plan.table[1]![1]).toEqual({ kind: "number", value: expect.closeTo(46349.395833, 6) });
  });

  test("the sheet's edit: added hidden on the first save, A1:B3 and the table from A5, bold header, widths only when created", () => {
    const first = planSave({ kind: "absent" }, "Northwind", model, NOW);
    if (!first.ok) throw new Error(first.message);
    expect(first.plan.edit).toEqual({
      addSheets: [{ name: "CVM_Profiles", visibility: "hidden" }],
      clear: [],
      pages: [],
      blocks: [
        { sheet: "CVM_Profiles", top: 0, left: 0, rows: first.plan.top },
        { sheet: "CVM_Profiles", top: 4, left: 0, rows: first.plan.table, numberFormats: first.plan.numberFormats },
      ],
      bold: [
        { sheet: "CVM_Profiles", top: 4, left: 0, rows: 1, columns: 4 },
        { sheet: "CVM_Profiles", top: 0, left: 0, rows: 1, columns: 1 },
      ],
      tables: [],
      columnWidths: [
        { sheet: "CVM_Profiles", column: 0, width: 28 },
        { sheet: "CVM_Profiles", column: 1, width: 17 },
      ],
    });
    const read = sheetWith({ active: "Contoso", variables: ["Gone", "Rate", "Miles"], profiles: [["Contoso", 46000, 5, 0.2, 800]] });
    const later = planSave(read, "Fabrikam", model, NOW, { customer: "keep" });
    if (!later.ok) throw new Error(later.message);
    expect(later.plan.edit.addSheets).toEqual([]);
    expect(later.plan.edit.clear).toEqual([{ sheet: "CVM_Profiles", top: 4, left: 0, rows: 2, columns: 5 }]);
    expect(later.plan.edit.bold).toEqual([{ sheet: "CVM_Profiles", top: 4, left: 0, rows: 1, columns: 5 }]);
    expect(later.plan.edit.columnWidths).toEqual([]);
  });

  test("a new name goes at the end; columns are the model's in its order, then older ones still used", () => {
    const read = sheetWith({
      active: "Contoso",
      variables: ["Gone", "Rate", "Miles"],
      profiles: [["Contoso", 46000, 5, 0.2, 800]],
    });
    // The Customer setting (Northwind) names neither profile: whether it follows is the user's question, tested below.
    const outcome = planSave(read, "Fabrikam", model, NOW, { customer: "keep" });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.create).toBe(false);
    expect(outcome.plan.active).toBe("Fabrikam");
    expect(outcome.plan.top[2]).toEqual([t("active"), t("Fabrikam")]);
    expect(outcome.plan.table).toEqual([
      [t("Customer"), t("Saved"), t("Miles"), t("Rate"), t("Gone")],
      [t("Contoso"), n(46000), n(800), n(0.2), n(5)],
      [t("Fabrikam"), n(SAVED), n(1200), n(0.1), null],
    ]);
    // The old table was 6 rows deep from row 1 (A5:E6 from A5): all of it is cleared first.
    expect(outcome.plan.clear).toEqual({ rows: 2, columns: 5 });
  });

  test("an existing name (ignoring case) asks first, then replaces in place under the name as typed", () => {
    const read = sheetWith({
      variables: ["Miles"],
      profiles: [
        ["Northwind", 46000, 1],
        ["Contoso", 46001, 2],
      ],
    });
    expect(planSave(read, "NORTHWIND", model, NOW)).toEqual({
      ok: false,
      reason: "replace",
      message: "Replace the saved values of Northwind?",
      problems: [],
    });
    const outcome = planSave(read, "NORTHWIND", model, NOW, { replace: true });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.table.slice(1)).toEqual([
      [t("NORTHWIND"), n(SAVED), n(1200), n(0.1)],
      [t("Contoso"), n(46001), n(2), null],
    ]);
  });

  test("values that are no number block saving, each at its cell; so does a bad name", () => {
    const broken = readCurrentValues({
      variables: variablesRange([
        ["Miles", "#REF!"],
        ["Rate", 0.1],
      ]),
    });
    const outcome = planSave({ kind: "absent" }, "Northwind", broken, NOW);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && [outcome.reason, outcome.message, outcome.problems.map((p) => [p.cell, p.message])]).toEqual([
      "values",
      "Nothing was saved: the current values can be saved once this cell is fixed.",
      [[{ sheet: "Inputs", row: 1, column: 1 }, "The value of Miles holds the error #REF!; fix the cell so that it shows a number."]],
    ]);
    expect(planSave({ kind: "absent" }, "", model, NOW)).toMatchObject({ ok: false, reason: "name" });
  });

  test("nothing is ever planned over the user's own sheet, or over a sheet with errors", () => {
    const foreign = readProfilesSheet({ name: "CVM_Profiles", used: rangeAt("CVM_Profiles", [["my customers"]]) });
    expect(planSave(foreign, "Northwind", model, NOW)).toMatchObject({ ok: false, reason: "foreign" });
    expect(planDelete(foreign, "Northwind")).toMatchObject({ ok: false, reason: "foreign" });
    const edited = sheetWith({ variables: ["Miles"], profiles: [["Northwind", 46000, "many"]] });
    const outcome = planSave(edited, "Contoso", model, NOW);
    expect(!outcome.ok && [outcome.reason, outcome.message, outcome.problems.map((p) => p.code)]).toEqual([
      "sheet-problems",
      "The profiles sheet has a problem to fix before profiles can change: unhide the sheet CVM_Profiles (right-click a sheet tab, then Unhide) and correct the cell listed.",
      ["profile-value-invalid"],
    ]);
  });

  test("deleting a profile drops its row and the columns only it used; the active one leaves no active", () => {
    const read = sheetWith({
      active: "Contoso",
      variables: ["Miles", "Rate", "Old"],
      profiles: [
        ["Northwind", 46000, 1, 0.1, ""],
        ["Contoso", 46001, 2, "", 9],
      ],
    });
    const outcome = planDelete(read, "contoso");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.active).toBe("");
    expect(outcome.plan.top[2]).toEqual([t("active"), null]);
    expect(outcome.plan.table).toEqual([
      [t("Customer"), t("Saved"), t("Miles"), t("Rate")],
      [t("Northwind"), n(46000), n(1), n(0.1)],
    ]);
    expect(outcome.plan.clear).toEqual({ rows: 3, columns: 5 });
    expect(planDelete(read, "Fabrikam")).toEqual({
      ok: false,
      reason: "no-profile",
      message: 'No profile is named "Fabrikam" in this workbook any more.',
      problems: [],
    });
  });

  test("deleting another profile keeps the active one; deleting the last leaves the header", () => {
    const read = sheetWith({
      active: "Northwind",
      variables: ["Miles"],
      profiles: [
        ["Northwind", 46000, 1],
        ["Contoso", 46001, 2],
      ],
    });
    const outcome = planDelete(read, "Contoso");
    expect(outcome.ok && outcome.plan.active).toBe("Northwind");
    const last = planDelete(sheetWith({ variables: ["Miles"], profiles: [["Northwind", 46000, 1]] }), "Northwind");
    expect(last.ok && last.plan.table).toEqual([[t("Customer"), t("Saved")]]);
    expect(last.ok && last.plan.numberFormats).toEqual([["General", "General"]]);
  });

  test("keeping only one profile removes every other and makes it active", () => {
    const read = sheetWith({
      active: "Contoso",
      variables: ["Miles", "Rate"],
      profiles: [
        ["Northwind", 46000, 1, 0.1],
        ["Contoso", 46001, 2, ""],
        ["Fabrikam", 46002, 3, 0.3],
      ],
    });
    const outcome = planKeepOnly(read, "northwind");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.active).toBe("Northwind");
    expect(outcome.plan.profiles.map((p) => p.name)).toEqual(["Northwind"]);
    expect(outcome.plan.table).toEqual([
      [t("Customer"), t("Saved"), t("Miles"), t("Rate")],
      [t("Northwind"), n(46000), n(1), n(0.1)],
    ]);
  });
});

describe("a save and the Customer setting", () => {
  const withCustomer = (customer: string, formulas?: Record<string, string>) =>
    readCurrentValues({ variables: variablesRange([["Miles", 1200]]), settings: settingsRange([["Customer", customer]], formulas) });
  const cell = { sheet: "Settings", row: 1, column: 1 };
  const read = sheetWith({ active: "Northwind", variables: ["Miles"], profiles: [["Northwind", 46000, 800]] });

  test("empty, or naming the active profile: set to the new name without a question", () => {
    expect(planSave({ kind: "absent" }, "Contoso", withCustomer(""), NOW)).toMatchObject({
      ok: true,
      plan: { customer: { kind: "write", cell, from: "", to: "Contoso" } },
    });
    expect(planSave(read, "Contoso", withCustomer("northwind "), NOW)).toMatchObject({
      ok: true,
      plan: { customer: { kind: "write", cell, from: "northwind", to: "Contoso" } },
    });
  });

  test("the setting's new text is the edit's last block, as text; a kept or formula setting is not in the edit", () => {
    const set = planSave(read, "=Contoso", withCustomer(""), NOW);
    if (!set.ok) throw new Error(set.message);
    expect(set.plan.edit.blocks.at(-1)).toEqual({ sheet: "Settings", top: 1, left: 1, rows: [[{ kind: "text", value: "=Contoso" }]] });
    const kept = planSave(read, "Contoso", withCustomer("Fabrikam"), NOW, { customer: "keep" });
    const formula = planSave(read, "Contoso", withCustomer("Fabrikam", { B2: "=Sheet1!A1" }), NOW);
    for (const outcome of [kept, formula])
      expect(outcome.ok && outcome.plan.edit.blocks.map((b) => b.sheet)).toEqual(["CVM_Profiles", "CVM_Profiles"]);
  });

  test("naming someone else: a question, then set or kept as the user says; the same name but for case is left alone", () => {
    expect(planSave(read, "Contoso", withCustomer("Fabrikam"), NOW)).toEqual({
      ok: false,
      reason: "customer",
      message: "Also set the Customer setting to Contoso? It says Fabrikam.",
      problems: [],
    });
    expect(planSave(read, "Contoso", withCustomer("Fabrikam"), NOW, { customer: "set" })).toMatchObject({
      ok: true,
      plan: { customer: { kind: "write", to: "Contoso" } },
    });
    const kept = planSave(read, "Contoso", withCustomer("Fabrikam"), NOW, { customer: "keep" });
    expect(kept.ok && kept.plan.customer).toBeUndefined();
    const same = planSave(read, "CONTOSO", withCustomer("Contoso"), NOW);
    expect(same.ok && same.plan.customer).toBeUndefined();
  });

  test("a formula in the Customer cell is never overwritten, and the plan says it was kept", () => {
    const outcome = planSave(read, "Contoso", withCustomer("Fabrikam", { B2: "=Sheet1!A1" }), NOW);
    expect(outcome).toMatchObject({ ok: true, plan: { customer: { kind: "formula", cell, formula: "=Sheet1!A1", to: "Contoso" } } });
  });

  test("without ranges in the model the sheet stays format 1, exactly as before ranges", () => {
    const outcome = planSave({ kind: "absent" }, "Contoso", withCustomer(""), NOW);
    expect(outcome.ok && outcome.plan.top[1]).toEqual([t("format"), n(1)]);
    expect(outcome.ok && outcome.plan.table[0]).toEqual([t("Customer"), t("Saved"), t("Miles")]);
  });
});
