import fc from "fast-check";
import { describeArity, FUNCTIONS, roundNumber } from "../../../src/core/formula";
import { roundByText, type Rounding } from "../../../src/core/formula/functions";

describe("ROUND, ROUNDUP, ROUNDDOWN give Excel's answers", () => {
  it.each([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0.5, 0, 1],
    [1234.5678, -2, 1200],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [2.15, 1, 2.2],
    [2.149, 1, 2.1],
    [-1.475, 2, -1.48],
    [1.23456789, 20, 1.23456789],
    [0.1 + 0.2, 15, 0.3],
    [5, -1, 10],
    [4, -1, 0],
    [123, -5, 0],
    [1e21, 2, 1e21],
    [1.5e-7, 7, 2e-7],
    [0, 3, 0],
    [3.7, 0.9, 4],
    [3.75, 1.9, 3.8],
    [3.75, -0.9, 4],
  ])("ROUND(%p, %p) = %p", (value, digits, expected) => {
    expect(roundNumber(value, digits, "nearest")).toBe(expected);
  });

  it.each([
    [3.2, 0, 4],
    [-3.2, 0, -4],
    [3.14159, 3, 3.142],
    [31415.92654, -2, 31500],
    [0.1 + 0.2, 1, 0.3],
    [2.0000000001, 0, 3],
    [3, 0, 3],
    [1.1, 1, 1.1],
  ])("ROUNDUP(%p, %p) = %p", (value, digits, expected) => {
    expect(roundNumber(value, digits, "up")).toBe(expected);
  });

  it.each([
    [-3.7, 0, -3],
    [3.7, 0, 3],
    [3.14159, 3, 3.141],
    [31415.92654, -2, 31400],
    [0.3, 1, 0.3],
    [4.35, 1, 4.3],
    [1.1 * 3, 1, 3.3],
  ])("ROUNDDOWN(%p, %p) = %p", (value, digits, expected) => {
    expect(roundNumber(value, digits, "down")).toBe(expected);
  });

  it("gives 0, not -0, when a negative number rounds to nothing", () => {
    expect(Object.is(roundNumber(-0.4, 0, "nearest"), 0)).toBe(true);
    expect(Object.is(roundNumber(-0.4, 0, "down"), 0)).toBe(true);
  });

  it("rounds as the decimal text does, whether or not it takes the fast path", () => {
    const rounding = fc.constantFrom<Rounding>("nearest", "up", "down");
    // Decimals with few digits (money, rates) land on rounding boundaries: the cases that matter.
    const decimal = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, p]) => n / 10 ** p);
    const value = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(value, fc.integer({ min: -4, max: 17 }), rounding, (x, places, how) => {
        expect(roundNumber(x, places, how)).toEqual(roundByText(x, places, how));
      }),
      { numRuns: 20_000 },
    );
    for (const [x, places] of [
      [2.675, 2],
      [1.005, 2],
      [0.285, 2],
      [1.0049999999999999, 2],
      [-8.345, 2],
      [0.1 + 0.2, 15],
    ] as const) {
      for (const how of ["nearest", "up", "down"] as const) expect(roundNumber(x, places, how)).toEqual(roundByText(x, places, how));
    }
  });

  it("gives #NUM! when rounding up overflows", () => {
    expect(roundNumber(5, -400, "up")).toMatchObject({ code: "#NUM!" });
    expect(roundNumber(1.7e308, -308, "up")).toMatchObject({ code: "#NUM!" });
    expect(roundNumber(5, -400, "nearest")).toBe(0);
  });
});

describe("FUNCTIONS, the table validation checks calls against", () => {
  it("holds the language's functions with Excel's argument counts", () => {
    const arity = (name: string) => {
      const definition = FUNCTIONS.get(name);
      return definition && [definition.minArgs, definition.maxArgs];
    };
    for (const name of ["SUM", "MIN", "MAX", "AVERAGE", "AND", "OR"]) expect(arity(name)).toEqual([1, 255]);
    for (const name of ["ROUND", "ROUNDUP", "ROUNDDOWN", "POWER", "IFERROR", "MOD"]) expect(arity(name)).toEqual([2, 2]);
    for (const name of ["ABS", "NOT", "SQRT", "EXP", "LN", "INT"]) expect(arity(name)).toEqual([1, 1]);
    expect(arity("IF")).toEqual([2, 3]);
    expect(arity("TRUE")).toEqual([0, 0]);
    expect(FUNCTIONS.get("sum")).toBeUndefined();
    expect(FUNCTIONS.get("VLOOKUP")).toBeUndefined();
  });

  it("keys every definition by its own upper-case name", () => {
    for (const [key, definition] of FUNCTIONS) {
      expect(definition.name).toBe(key);
      expect(key).toBe(key.toUpperCase());
    }
  });

  it("describes argument counts for messages", () => {
    expect(describeArity(FUNCTIONS.get("ABS")!)).toBe("1 argument");
    expect(describeArity(FUNCTIONS.get("ROUND")!)).toBe("2 arguments");
    expect(describeArity(FUNCTIONS.get("IF")!)).toBe("2 or 3 arguments");
    expect(describeArity(FUNCTIONS.get("SUM")!)).toBe("at least 1 argument");
    expect(describeArity(FUNCTIONS.get("TRUE")!)).toBe("no arguments");
  });
});
