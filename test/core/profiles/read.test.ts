import { checkProfileName, readCurrentValues, readProfilesSheet } from "../../../src/core/profiles";
import { describeProblem } from "../../../src/core/problems";
import { profilesSheet, rangeAt, settingsRange, variablesRange } from "./helpers";

describe("reading the profiles sheet", () => {
  test("no sheet of that name: no profiles yet", () => {
    expect(readProfilesSheet(undefined)).toEqual({ kind: "absent" });
  });

  test("the add-in's sheet reads back as profiles, the active one and the variable columns", () => {
    const read = readProfilesSheet({
      name: "CVM_Profiles",
      used: profilesSheet({
        active: "northwind", // matched ignoring case, reported as the row spells it
        variables: ["Miles", "Rate", "OldVar"],
        profiles: [
          ["Northwind", 46349.5, 1200, 0.1, ""],
          ["Contoso", "", 800, "", 7],
        ],
      }),
    });
    expect(read).toEqual({
      kind: "ours",
      problems: [],
      store: {
        sheet: "CVM_Profiles",
        active: "Northwind",
        variables: ["Miles", "Rate", "OldVar"],
        extent: { bottom: 6, right: 4 },
        profiles: [
          {
            name: "Northwind",
            saved: 46349.5,
            values: [
              { variable: "Miles", value: 1200 },
              { variable: "Rate", value: 0.1 },
            ],
          },
          {
            name: "Contoso",
            values: [
              { variable: "Miles", value: 800 },
              { variable: "OldVar", value: 7 },
            ],
          },
        ],
      },
    });
  });

  test("a used range that does not start at A1 is placed where it is: the marker must be in A1", () => {
    const shifted = rangeAt("CVM_Profiles", [["CVM_Profiles"], ["format", 1]], undefined, { row: 0, column: 1 });
    expect(shifted.address).toBe("CVM_Profiles!B1:C2");
    expect(readProfilesSheet({ name: "CVM_Profiles", used: shifted }).kind).toBe("foreign");
  });

  test("a sheet of that name without the marker is the user's: foreign, whatever it holds", () => {
    for (const used of [
      undefined,
      rangeAt("cvm_profiles", [["Customer list"], ["Northwind"]]),
      rangeAt("cvm_profiles", [[], ["CVM_Profiles"]]),
    ]) {
      const read = readProfilesSheet({ name: "cvm_profiles", ...(used ? { used } : {}) });
      expect(read.kind).toBe("foreign");
      expect(read.kind === "foreign" && read.message).toBe(
        'The workbook already has a sheet named "cvm_profiles" that the add-in did not create (its cell A1 does not say CVM_Profiles). The add-in never writes over a sheet it did not create, so it cannot keep customer profiles: rename that sheet, then save a profile again.',
      );
    }
  });

  test("a sheet a user edited: each problem at its cell, in words, and the rest still read", () => {
    const used = rangeAt("CVM_Profiles", [
      ["CVM_Profiles", "…"],
      ["format", 1],
      ["active", "Gone"],
      [],
      ["Customer", "Saved", "Miles", "", "miles", "Rate"],
      ["Northwind", 46000, 1200, "", 5, "ten"],
      ["", "", 3],
      [],
      ["northwind", 46001, 1],
      ["Contoso", "yesterday", 800, 9, "", 0.2],
    ]);
    const read = readProfilesSheet({ name: "CVM_Profiles", used });
    if (read.kind !== "ours") throw new Error("expected the add-in's sheet");
    expect(read.problems.map(describeProblem)).toEqual([
      'Error in sheet "CVM_Profiles", row 5, column D (CVM_Profiles): This column holds saved values but no variable name in the header row: type the variable\'s name here, or clear the column.',
      'Error in sheet "CVM_Profiles", row 5, column E (CVM_Profiles): The variable miles has two columns on the profiles sheet; keep one.',
      'Error in sheet "CVM_Profiles", row 6, column F (CVM_Profiles): The value of Rate saved for "Northwind" is the text "ten"; enter a number, or clear the cell (empty means the variable was not in the model when the profile was saved).',
      'Error in sheet "CVM_Profiles", row 7, column A (CVM_Profiles): This row of saved values has no customer name: type one in this cell, or clear the whole row.',
      'Error in sheet "CVM_Profiles", row 9, column A (CVM_Profiles): Two profiles are named "northwind"; rename or clear one of the rows.',
      'Error in sheet "CVM_Profiles", row 10, column B (CVM_Profiles): When "Contoso" was saved should be a date and time, not the text "yesterday"; enter one, or clear the cell.',
      'Warning in sheet "CVM_Profiles", row 3, column B (CVM_Profiles): The active profile is "Gone", but no profile has that name; no profile is taken as active.',
    ]);
    expect(read.store.active).toBe("");
    expect(read.store.variables).toEqual(["Miles", "Rate"]);
    expect(read.store.profiles.map((p) => [p.name, p.values])).toEqual([
      ["Northwind", [{ variable: "Miles", value: 1200 }]],
      [
        "Contoso",
        [
          { variable: "Miles", value: 800 },
          { variable: "Rate", value: 0.2 },
        ],
      ],
    ]);
  });

  test("a broken header row stops the reading of profiles, at the header's cell", () => {
    const used = rangeAt("CVM_Profiles", [["CVM_Profiles"], ["format", 1], ["active", ""], [], ["Name", "Saved", "Miles"], ["A", 1, 2]]);
    const read = readProfilesSheet({ name: "CVM_Profiles", used });
    if (read.kind !== "ours") throw new Error("expected the add-in's sheet");
    expect(read.store.profiles).toEqual([]);
    expect(read.problems.map((p) => [p.severity, p.code, p.cell])).toEqual([
      ["error", "profiles-header", { sheet: "CVM_Profiles", row: 4, column: 0 }],
    ]);
    expect(read.problems[0]!.message).toBe(
      'The profiles table\'s header must say "Customer" here, not the text "Name": without it the add-in cannot read the profiles. Type Customer in this cell again.',
    );
  });

  test("a newer format is an error at B2; an odd one a warning", () => {
    const newer = readProfilesSheet({ name: "CVM_Profiles", used: profilesSheet({ variables: [], profiles: [], format: 3 }) });
    expect(newer.kind === "ours" && newer.problems.map((p) => [p.severity, p.code, p.cell?.row, p.cell?.column])).toEqual([
      ["error", "profiles-format-newer", 1, 1],
    ]);
    const odd = readProfilesSheet({ name: "CVM_Profiles", used: profilesSheet({ variables: [], profiles: [], format: "one" }) });
    expect(odd.kind === "ours" && odd.problems.map((p) => [p.severity, p.code])).toEqual([["warning", "profiles-format-unknown"]]);
  });
});

describe("the current values", () => {
  test("every variable with its Value cell, value and formula; the Customer cell", () => {
    const current = readCurrentValues({
      variables: variablesRange(
        [
          ["Miles", 1200],
          ["Rate", 0.1],
          ["Double", 2400],
        ],
        { B4: "=B2*2" },
      ),
      settings: settingsRange([
        ["Years", 3],
        ["Customer", "Northwind"],
      ]),
    });
    expect(current).toEqual({
      variables: [
        { name: "Miles", cell: { sheet: "Inputs", row: 1, column: 1 }, value: 1200 },
        { name: "Rate", cell: { sheet: "Inputs", row: 2, column: 1 }, value: 0.1 },
        { name: "Double", cell: { sheet: "Inputs", row: 3, column: 1 }, value: 2400, formula: "=B2*2" },
      ],
      problems: [],
      customer: { cell: { sheet: "Settings", row: 2, column: 1 }, value: "Northwind" },
    });
  });

  test("a value that is no number is kept with a problem at its cell; the rest of the model does not matter", () => {
    const current = readCurrentValues({
      variables: variablesRange([
        ["Miles", "lots"],
        ["Rate", 0.1],
      ]),
    });
    expect(current.variables.map((v) => [v.name, v.value])).toEqual([
      ["Miles", "lots"],
      ["Rate", 0.1],
    ]);
    expect(current.problems.map(describeProblem)).toEqual([
      'Error in sheet "Inputs", row 2, column B (CVM_Variables): The value of Miles holds the text "lots"; enter a number.',
    ]);
    expect(current.customer).toBeUndefined();
  });

  test("a name used twice is a problem at the second one; rows without a legal name are no variables", () => {
    const current = readCurrentValues({
      variables: variablesRange([
        ["Miles", 1],
        ["", 2],
        ["A1", 3],
        ["MILES", 4],
      ]),
    });
    expect(current.variables.map((v) => v.name)).toEqual(["Miles"]);
    expect(current.problems.map((p) => [p.code, p.cell])).toEqual([["name-duplicate", { sheet: "Inputs", row: 4, column: 0 }]]);
  });

  test("without CVM_Variables nothing can be read", () => {
    const current = readCurrentValues({});
    expect(current.variables).toEqual([]);
    expect(current.problems.map((p) => p.code)).toEqual(["range-missing"]);
  });

  test("a Customer value that is a formula is reported with it", () => {
    const current = readCurrentValues({
      variables: variablesRange([["Miles", 1]]),
      settings: settingsRange([["Customer", "Acme"]], { B2: '="Ac"&"me"' }),
    });
    expect(current.customer).toEqual({ cell: { sheet: "Settings", row: 1, column: 1 }, value: "Acme", formula: '="Ac"&"me"' });
  });
});

describe("a profile's name", () => {
  test("trimmed, required, at most 100 characters, on one line; anything else goes", () => {
    expect(checkProfileName("  Northwind Traders ")).toEqual({ ok: true, name: "Northwind Traders" });
    expect(checkProfileName("=HYPERLINK(1)")).toEqual({ ok: true, name: "=HYPERLINK(1)" });
    expect(checkProfileName("x".repeat(100))).toEqual({ ok: true, name: "x".repeat(100) });
    expect(checkProfileName("   ")).toEqual({ ok: false, message: "Enter a name for the profile, such as the customer's name." });
    expect(checkProfileName("x".repeat(101))).toEqual({ ok: false, message: "The name is 101 characters long; use at most 100." });
    expect(checkProfileName("North\nwind")).toEqual({
      ok: false,
      message: "The name cannot contain line breaks, tabs or other control characters.",
    });
  });
});
