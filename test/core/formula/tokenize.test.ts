import { tokenize } from "../../../src/core/formula";

function kinds(text: string): string[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.tokens.map((t) => (t.kind === "operator" ? t.operator : t.kind));
}

describe("tokenize", () => {
  it("reads two-character comparison operators as one token", () => {
    expect(kinds("a<>b<=c>=d<e>f=g")).toEqual([
      "name",
      "<>",
      "name",
      "<=",
      "name",
      ">=",
      "name",
      "<",
      "name",
      ">",
      "name",
      "=",
      "name",
      "end",
    ]);
  });

  it("keeps positions and source text", () => {
    const result = tokenize(' SUM( 2e3 ,"x""y")%');
    expect(result.ok && result.tokens.map((t) => [t.kind, t.position, t.text])).toEqual([
      ["name", 1, "SUM"],
      ["open", 4, "("],
      ["number", 6, "2e3"],
      ["comma", 10, ","],
      ["string", 11, '"x""y"'],
      ["close", 17, ")"],
      ["operator", 18, "%"],
      ["end", 19, ""],
    ]);
  });

  it("splits a number from the letters after it", () => {
    expect(kinds("2x")).toEqual(["number", "name", "end"]);
    expect(kinds("1.5.5")).toEqual(["number", "number", "end"]);
  });

  it("reads the name characters Excel allows", () => {
    const result = tokenize("é_1.x \\a Ünïcödé");
    expect(result.ok && result.tokens.map((t) => t.text)).toEqual(["é_1.x", "\\a", "Ünïcödé", ""]);
  });
});
