import {
  planSwitch,
  readCurrentValues,
  readProfilesSheet,
  sameSwitchPlan,
  savedState,
  type ProfilesRead,
} from "../../../src/core/profiles";
import { profilesSheet, rangeAt, settingsRange, variablesRange } from "./helpers";

function sheetWith(options: Parameters<typeof profilesSheet>[0]): ProfilesRead {
  return readProfilesSheet({ name: "CVM_Profiles", used: profilesSheet(options) });
}
const storeOf = (read: ProfilesRead) => (read.kind === "ours" ? read.store : undefined);
const at = (row: number, column = 1, sheet = "Inputs") => ({ sheet, row, column });

/** Miles 1200, Rate 0.1, Double =B2*2 (2400), Crew 4; Customer "Northwind". */
const current = readCurrentValues({
  variables: variablesRange(
    [
      ["Miles", 1200],
      ["Rate", 0.1],
      ["Double", 2400],
      ["Crew", 4],
    ],
    { B4: "=B2*2" },
  ),
  settings: settingsRange([
    ["Years", 3],
    ["Customer", "Northwind"],
  ]),
});

/** Northwind holds exactly the current values; Contoso differs, lacks Crew and has a variable the model dropped. */
const profiles = sheetWith({
  active: "Northwind",
  variables: ["Miles", "Rate", "Double", "Crew", "Pumps"],
  profiles: [
    ["Northwind", 46000, 1200, 0.1, 2400, 4, ""],
    ["Contoso", 46001, 800, 0.1, 1600, "", 12],
  ],
});

describe("planning a switch", () => {
  test("what changes, from → to; what is kept (a formula, a variable the profile lacks); what is ignored; the Customer", () => {
    const outcome = planSwitch(profiles, "contoso", current);
    expect(outcome).toEqual({
      ok: true,
      plan: {
        profile: "Contoso",
        saved: 46001,
        changes: [{ name: "Miles", cell: at(1), from: 1200, to: 800 }],
        unchanged: ["Rate"],
        formulas: [{ name: "Double", cell: at(3), formula: "=B2*2", value: 2400, saved: 1600 }],
        notInProfile: [{ name: "Crew", cell: at(4), value: 4 }],
        ignored: [{ name: "Pumps", value: 12 }],
        customer: { kind: "write", cell: at(2, 1, "Settings"), from: "Northwind", to: "Contoso" },
        lost: [],
        activeCell: at(2, 1, "CVM_Profiles"),
      },
    });
  });

  test("without a Customer row the name is not written; a Customer formula is kept; the same name is no change", () => {
    const noSettings = readCurrentValues({ variables: variablesRange([["Miles", 1200]]) });
    expect(planSwitch(profiles, "Contoso", noSettings)).toMatchObject({ ok: true, plan: { customer: { kind: "absent", to: "Contoso" } } });
    const formula = readCurrentValues({
      variables: variablesRange([["Miles", 1200]]),
      settings: settingsRange([["Customer", "x"]], { B2: "=Sheet1!A1" }),
    });
    expect(planSwitch(profiles, "Contoso", formula)).toMatchObject({
      ok: true,
      plan: { customer: { kind: "formula", cell: at(1, 1, "Settings"), formula: "=Sheet1!A1", to: "Contoso" } },
    });
    expect(planSwitch(profiles, "Northwind", current)).toMatchObject({
      ok: true,
      plan: { changes: [], customer: { kind: "same", to: "Northwind" } },
    });
  });

  test("values that differ from the active profile are lost if the switch overwrites them, and only those", () => {
    const edited = readCurrentValues({
      variables: variablesRange(
        [
          ["Miles", 1500],
          ["Rate", 0.1],
          ["Double", 3000],
          ["Crew", 6],
        ],
        { B4: "=B2*2" },
      ),
    });
    expect(savedState(storeOf(profiles), edited)).toEqual({
      kind: "unsaved",
      against: "Northwind",
      differing: [
        { name: "Miles", cell: at(1), value: 1500 },
        { name: "Crew", cell: at(4), value: 6 },
      ],
    });
    const outcome = planSwitch(profiles, "Contoso", edited);
    // Crew is kept (Contoso has no Crew), and Double is a formula: only Miles is lost.
    expect(outcome.ok && outcome.plan.lost).toEqual([{ name: "Miles", cell: at(1), from: 1500, to: 800 }]);
  });

  test("a variable the active profile lacks is not saved in it: overwriting it loses it", () => {
    const read = sheetWith({
      active: "Contoso",
      variables: ["Miles", "Crew"],
      profiles: [
        ["Contoso", 1, 800, ""],
        ["Fabrikam", 2, 700, 9],
      ],
    });
    const now = readCurrentValues({
      variables: variablesRange([
        ["Miles", 800],
        ["Crew", 4],
      ]),
    });
    expect(savedState(storeOf(read), now)).toEqual({ kind: "saved", profile: "Contoso" });
    const outcome = planSwitch(read, "Fabrikam", now);
    expect(outcome.ok && outcome.plan.lost.map((c) => c.name)).toEqual(["Crew"]);
  });

  test("with no active profile, values equal to some profile are saved; otherwise every overwritten one is lost", () => {
    const read = sheetWith({
      variables: ["Miles", "Rate"],
      profiles: [
        ["A", 1, 1200, 0.1],
        ["B", 2, 800, 0.2],
      ],
    });
    const same = readCurrentValues({
      variables: variablesRange([
        ["Miles", 1200],
        ["Rate", 0.1],
      ]),
    });
    expect(savedState(storeOf(read), same)).toEqual({ kind: "saved", profile: "A" });
    expect(planSwitch(read, "B", same)).toMatchObject({ ok: true, plan: { lost: [] } });

    const other = readCurrentValues({
      variables: variablesRange([
        ["Miles", 1200],
        ["Rate", 0.3],
      ]),
    });
    expect(savedState(storeOf(read), other)).toEqual({ kind: "unsaved", differing: other.variables });
    const outcome = planSwitch(read, "B", other);
    expect(outcome.ok && outcome.plan.lost).toEqual([
      { name: "Miles", cell: at(1), from: 1200, to: 800 },
      { name: "Rate", cell: at(2), from: 0.3, to: 0.2 },
    ]);
    // No profiles at all: nothing is saved.
    expect(savedState(undefined, other)).toEqual({ kind: "unsaved", differing: other.variables });
  });

  test("a value that is no number may be switched away from (it is shown, and counted as unsaved)", () => {
    const broken = readCurrentValues({
      variables: variablesRange([
        ["Miles", "lots"],
        ["Rate", 0.1],
        ["Double", 1],
        ["Crew", 4],
      ]),
    });
    const outcome = planSwitch(profiles, "Northwind", broken);
    expect(outcome.ok && outcome.plan.changes).toEqual([
      { name: "Miles", cell: at(1), from: "lots", to: 1200 },
      { name: "Double", cell: at(3), from: 1, to: 2400 },
    ]);
    expect(outcome.ok && outcome.plan.lost.map((c) => c.name)).toEqual(["Miles", "Double"]);
  });

  test("refused: a profile that is not there, an unreadable CVM_Variables, a name used twice", () => {
    expect(planSwitch(profiles, "Fabrikam", current)).toMatchObject({ ok: false, reason: "no-profile" });
    expect(planSwitch({ kind: "absent" }, "Fabrikam", current)).toMatchObject({ ok: false, reason: "no-profile" });
    expect(planSwitch(profiles, "Contoso", readCurrentValues({}))).toMatchObject({
      ok: false,
      reason: "values",
      problems: [{ code: "range-missing" }],
    });
    const twice = readCurrentValues({
      variables: variablesRange([
        ["Miles", 1],
        ["miles", 2],
      ]),
    });
    expect(planSwitch(profiles, "Contoso", twice)).toMatchObject({ ok: false, reason: "values", problems: [{ code: "name-duplicate" }] });
  });

  test("two plans are the same only if they say the same", () => {
    const a = planSwitch(profiles, "Contoso", current);
    const b = planSwitch(
      profiles,
      "Contoso",
      readCurrentValues({
        variables: variablesRange(
          [
            ["Miles", 1200],
            ["Rate", 0.1],
            ["Double", 2400],
            ["Crew", 4],
          ],
          { B4: "=B2*2" },
        ),
        settings: settingsRange([
          ["Years", 3],
          ["Customer", "Northwind"],
        ]),
      }),
    );
    const c = planSwitch(
      profiles,
      "Contoso",
      readCurrentValues({
        variables: variablesRange(
          [
            ["Miles", 1201],
            ["Rate", 0.1],
            ["Double", 2400],
            ["Crew", 4],
          ],
          { B4: "=B2*2" },
        ),
        settings: settingsRange([
          ["Years", 3],
          ["Customer", "Northwind"],
        ]),
      }),
    );
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected plans");
    expect(sameSwitchPlan(a.plan, b.plan)).toBe(true);
    expect(sameSwitchPlan(a.plan, c.plan)).toBe(false);
  });
});

describe("a switch and Low, High and Actual", () => {
  /** Miles 1200 (Low 1100, High 1300), Crew 4 (no range); one element with an Actual of 500. */
  const ranged = readCurrentValues({
    variables: rangeAt("Inputs", [
      ["Name", "Value", "Low", "High"],
      ["Miles", 1200, 1100, 1300],
      ["Crew", 4, "", ""],
    ]),
    elements: rangeAt("Elements", [
      ["Element", "Id", "Formula", "Actual"],
      ["Repairs", "Repairs", "Miles*2", 500],
    ]),
  });
  const withRanges = (active: string) =>
    readProfilesSheet({
      name: "CVM_Profiles",
      used: rangeAt("CVM_Profiles", [
        ["CVM_Profiles", "profiles"],
        ["format", 2],
        ["active", active],
        [],
        ["Customer", "Saved", "Miles", "Crew", "Saved with ranges", "Miles Low", "Miles High", "Crew Low", "Crew High", "Repairs Actual"],
        ["Northwind", 46000, 1200, 4, "yes", 1100, 1300, "", "", 500],
        ["Contoso", 46001, 2300, 4, "yes", 2000, 2600, 3, 5, ""],
      ]),
    });

  test("from → to for each cell; none clears; a profile that holds the current ones (active or not) loses nothing", () => {
    for (const active of ["Northwind", ""]) {
      const outcome = planSwitch(withRanges(active), "Contoso", ranged);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.plan.ranges).toEqual({
        kept: false,
        changes: [
          { name: "Miles Low", kind: "low", cell: at(1, 2), from: 1100, to: 2000 },
          { name: "Miles High", kind: "high", cell: at(1, 3), from: 1300, to: 2600 },
          { name: "Crew Low", kind: "low", cell: at(2, 2), from: "", to: 3 },
          { name: "Crew High", kind: "high", cell: at(2, 3), from: "", to: 5 },
          { name: "Repairs Actual", kind: "actual", cell: { sheet: "Elements", row: 1, column: 3 }, from: 500, to: null },
        ],
        unchanged: [],
        formulas: [],
        ignored: [],
      });
      expect(outcome.plan.lost).toEqual([]);
    }
  });

  test("a Low that no profile holds is among what would be lost", () => {
    const edited = readCurrentValues({
      variables: rangeAt("Inputs", [
        ["Name", "Value", "Low", "High"],
        ["Miles", 1200, 1000, 1300],
        ["Crew", 4, "", ""],
      ]),
      elements: rangeAt("Elements", [
        ["Element", "Id", "Formula", "Actual"],
        ["Repairs", "Repairs", "Miles*2", 500],
      ]),
    });
    const outcome = planSwitch(withRanges("Northwind"), "Contoso", edited);
    expect(outcome.ok && outcome.plan.lost).toEqual([{ name: "Miles Low", kind: "low", cell: at(1, 2), from: 1000, to: 2000 }]);
    expect(savedState(storeOf(withRanges("Northwind")), edited)).toEqual({
      kind: "unsaved",
      against: "Northwind",
      differing: [{ name: "Miles Low" }],
    });
  });
});
