import {
  cellRef,
  columnIndex,
  columnLetters,
  formatCell,
  formatRange,
  looksLikeCellReference,
  parseRangeAddress,
  quoteSheet,
} from "../../../src/core/workbook/address";

describe("parseRangeAddress", () => {
  it.each([
    ["Inputs!A1:E4", { sheet: "Inputs", top: 0, left: 0, bottom: 3, right: 4 }],
    ["Inputs!B3:H12", { sheet: "Inputs", top: 2, left: 1, bottom: 11, right: 7 }],
    ["'Customer inputs'!A1:F12", { sheet: "Customer inputs", top: 0, left: 0, bottom: 11, right: 5 }],
    ["'Bob''s Inputs'!A1:B2", { sheet: "Bob's Inputs", top: 0, left: 0, bottom: 1, right: 1 }],
    ["'''Quoted'''!C3", { sheet: "'Quoted'", top: 2, left: 2, bottom: 2, right: 2 }],
    ["'2024'!A1", { sheet: "2024", top: 0, left: 0, bottom: 0, right: 0 }],
    ["'Données!'!A1", { sheet: "Données!", top: 0, left: 0, bottom: 0, right: 0 }],
    ["'#REF'!A1", { sheet: "#REF", top: 0, left: 0, bottom: 0, right: 0 }],
    ["Inputs!$A$1:$E$4", { sheet: "Inputs", top: 0, left: 0, bottom: 3, right: 4 }],
    ["Inputs!$A1:E$4", { sheet: "Inputs", top: 0, left: 0, bottom: 3, right: 4 }],
    ["Inputs!C7", { sheet: "Inputs", top: 6, left: 2, bottom: 6, right: 2 }],
    ["Inputs!$C$7", { sheet: "Inputs", top: 6, left: 2, bottom: 6, right: 2 }],
    ["inputs!aa10:ab11", { sheet: "inputs", top: 9, left: 26, bottom: 10, right: 27 }],
    ["  Inputs!A1:B2 ", { sheet: "Inputs", top: 0, left: 0, bottom: 1, right: 1 }],
    ["Inputs!XFD1048576", { sheet: "Inputs", top: 1048575, left: 16383, bottom: 1048575, right: 16383 }],
    ["Inputs!A1:XFD1048576", { sheet: "Inputs", top: 0, left: 0, bottom: 1048575, right: 16383 }],
  ])("reads %p", (text, expected) => {
    expect(parseRangeAddress(text)).toEqual(expected);
  });

  it.each([
    ["both corners reversed", "Inputs!E4:A1"],
    ["rows reversed", "Inputs!A4:E1"],
    ["columns reversed", "Inputs!E1:A4"],
  ])("normalises %s", (_what, text) => {
    expect(parseRangeAddress(text)).toEqual({ sheet: "Inputs", top: 0, left: 0, bottom: 3, right: 4 });
  });

  it.each([
    ["a deleted sheet", "#REF!"],
    ["a deleted range on a sheet", "Inputs!#REF!"],
    ["what a reference keeps of a deleted sheet", "#REF!$B$2:$C$9"],
    ["the same in lower case", "#ref!A1"],
    ["an empty text", ""],
    ["garbage", "hello world"],
    ["a cell without a sheet", "A1:B2"],
    ["a whole column", "Inputs!A:A"],
    ["whole rows", "Inputs!1:4"],
    ["row 0", "Inputs!A0"],
    ["a row past the last", "Inputs!A1048577"],
    ["a reversed range starting past the last row", "Inputs!A1048577:A1"],
    ["a column past the last", "Inputs!XFE1"],
    ["a reversed range starting past the last column", "Inputs!XFE1:A1"],
    ["four-letter columns", "Inputs!ABCD1"],
    ["an unterminated quote", "'Inputs!A1"],
    ["an empty sheet name", "!A1"],
    ["a range missing its end", "Inputs!A1:"],
    ["two ranges", "Inputs!A1:B2,Inputs!D1:E2"],
    ["an external workbook", "[Book1.xlsx]Inputs!A1:B2"],
    ["a quoted external workbook", "'C:\\Data\\[Book1.xlsx]Inputs'!A1:B2"],
  ])("refuses %s (%p)", (_what, text) => {
    expect(parseRangeAddress(text)).toBeUndefined();
  });
});

describe("columnLetters and columnIndex", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("reads lower-case letters", () => {
    expect(columnIndex("xfd")).toBe(16383);
    expect(columnIndex("aA")).toBe(26);
  });

  it("round-trips every column of a worksheet", () => {
    const seen = new Set<string>();
    for (let column = 0; column < 16384; column++) {
      const letters = columnLetters(column);
      expect(letters).toMatch(/^[A-Z]{1,3}$/);
      seen.add(letters);
      if (columnIndex(letters) !== column) throw new Error(`${column} → ${letters} → ${columnIndex(letters)}`);
    }
    expect(seen.size).toBe(16384);
  });

  it("cellRef writes 0-based positions as A1 references", () => {
    expect(cellRef(0, 0)).toBe("A1");
    expect(cellRef(6, 27)).toBe("AB7");
    expect(cellRef(6, 27, true)).toBe("$AB$7");
  });
});

describe("looksLikeCellReference", () => {
  it.each([
    "A1",
    "a1",
    "Q1",
    "XFD1048576",
    "xfd1048576",
    "$A$1",
    "AB12",
    "R1C1",
    "r1c1",
    "R",
    "r",
    "C",
    "c",
    "RC",
    "R12",
    "C12",
    "R1C",
    "RC1",
  ])("%p is a cell reference", (text) => {
    expect(looksLikeCellReference(text)).toBe(true);
  });

  it.each(["", "Miles", "Q1_value", "XFE1", "A1048577", "A0", "ABCD1", "R1C1x", "RR", "CR", "Rate", "Cost", "A1B", "_A1", "1A"])(
    "%p is not",
    (text) => {
      expect(looksLikeCellReference(text)).toBe(false);
    },
  );
});

describe("quoteSheet", () => {
  it.each([
    ["Inputs", "Inputs"],
    ["Sheet_1.a", "Sheet_1.a"],
    ["_x", "_x"],
    ["Customer inputs", "'Customer inputs'"],
    ["Bob's", "'Bob''s'"],
    ["It''s", "'It''''s'"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["2024", "'2024'"],
    ["Value-Model", "'Value-Model'"],
    ["Données", "'Données'"],
  ])("%p is written %p", (sheet, expected) => {
    expect(quoteSheet(sheet)).toBe(expected);
  });

  it.each(["Inputs", "Customer inputs", "Bob's", "'Quoted'", "A1", "2024", "Données"])(
    "round-trips %p through parseRangeAddress",
    (sheet) => {
      expect(parseRangeAddress(`${quoteSheet(sheet)}!B2:C3`)?.sheet).toBe(sheet);
      expect(parseRangeAddress(formatRange({ sheet, top: 1, left: 1, bottom: 2, right: 2 }))).toEqual({
        sheet,
        top: 1,
        left: 1,
        bottom: 2,
        right: 2,
      });
    },
  );

  it("formatCell and formatRange quote the sheet and collapse a single cell", () => {
    expect(formatCell({ sheet: "Bob's", row: 6, column: 1 })).toBe("'Bob''s'!B7");
    expect(formatCell({ sheet: "Inputs", row: 0, column: 0 }, true)).toBe("Inputs!$A$1");
    expect(formatRange({ sheet: "Inputs", top: 2, left: 1, bottom: 5, right: 7 })).toBe("Inputs!B3:H6");
    expect(formatRange({ sheet: "Inputs", top: 2, left: 1, bottom: 2, right: 1 }, true)).toBe("Inputs!$B$3");
  });
});
