import { assignFileNames, MAX_STEM_BYTES, safeFileStem } from "../../src/cli/batch/file-names";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("a customer's file name is safe on Windows, macOS and Linux", () => {
  test.each([
    ["Northwind Midstream", "Northwind Midstream"],
    ['A<b>c:d"e/f\\g|h?i*j', "A_b_c_d_e_f_g_h_i_j"],
    ["Tab\tand\u0001control", "Tab_and_control"],
    ["Acme Corp.", "Acme Corp"],
    ["Acme Corp . . ", "Acme Corp"],
    ["  spaced   out  ", "spaced out"],
    [".NET Pipelines", "NET Pipelines"],
    ["...", "customer"],
    ["???", "___"],
    ["", "customer"],
    ["Société Générale", "Société Générale"],
    // A right-to-left override would make "Acme\u202Excod.exe" show as another name.
    ["Acme\u202excod.exe", "Acme_xcod.exe"],
    ["=HYPERLINK(x)", "=HYPERLINK(x)"],
  ])("%j → %j", (customer, stem) => {
    expect(safeFileStem(customer)).toBe(stem);
  });

  test.each([
    ["CON", "_CON"],
    ["con", "_con"],
    ["Nul", "_Nul"],
    ["PRN", "_PRN"],
    ["AUX", "_AUX"],
    ["COM1", "_COM1"],
    ["lpt9", "_lpt9"],
    ["COM¹", "_COM¹"],
    // Windows reserves the device name whatever follows a dot.
    ["CON.Energy", "_CON.Energy"],
    ["NUL .x", "_NUL .x"],
    ["COM10", "COM10"],
    ["Console", "Console"],
    ["CONTOSO", "CONTOSO"],
  ])("the device name %j becomes %j", (customer, stem) => {
    expect(safeFileStem(customer)).toBe(stem);
  });

  test("long names are cut to MAX_STEM_BYTES of UTF-8, never inside a character, and never end in a dot or space", () => {
    const long = "Pipeline ".repeat(40);
    expect(bytes(safeFileStem(long))).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(safeFileStem(long)).toMatch(/\S$/);
    const emoji = "🛢".repeat(60); // 4 bytes each
    expect(safeFileStem(emoji)).toBe("🛢".repeat(MAX_STEM_BYTES / 4));
    const accents = "é".repeat(80); // 2 bytes each
    expect(safeFileStem(accents)).toBe("é".repeat(MAX_STEM_BYTES / 2));
    expect(safeFileStem(`${"a".repeat(MAX_STEM_BYTES - 1)}. b`)).toBe("a".repeat(MAX_STEM_BYTES - 1));
  });

  test("composed and decomposed accents give the same name (macOS stores them alike)", () => {
    expect(safeFileStem("Cafe\u0301")).toBe(safeFileStem("Caf\u00e9"));
  });
});

describe("file names for a whole batch", () => {
  test("names that clash after cleaning or ignoring case get (2), (3) in the CSV's order", () => {
    expect(assignFileNames(["A/B", "A_B", "a?b", "Acme", "Acme (2)", "ACME."])).toEqual([
      "A_B.value.xlsx",
      "A_B (2).value.xlsx",
      "a_b (3).value.xlsx",
      "Acme.value.xlsx",
      "Acme (2).value.xlsx",
      "ACME (3).value.xlsx",
    ]);
  });

  test("every name is distinct ignoring case, and none is a device name or hidden", () => {
    const customers = ["CON", "con", "Con.", ".hidden", "x".repeat(300), "x".repeat(301), "Ärger", "ärger"];
    const names = assignFileNames(customers);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(customers.length);
    for (const name of names) {
      expect(name).toMatch(/\.value\.xlsx$/);
      expect(name).not.toMatch(/^\./);
      expect([...name].some((c) => '<>:"/\\|?*'.includes(c) || c.charCodeAt(0) < 0x20)).toBe(false);
      expect(name.split(".")[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(bytes(name)).toBeLessThan(255);
    }
  });
});
