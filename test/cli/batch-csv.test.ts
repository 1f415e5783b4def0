import { describeBatchProblem } from "../../src/cli/batch/batch-problems";
import { readCsvNumber } from "../../src/cli/batch/csv-number";
import { closestName, type CsvVariable, detectDelimiter, readCustomersCsv } from "../../src/cli/batch/customers-csv";

const VARIABLES: readonly CsvVariable[] = [
  { name: "PipelineMiles", value: 1200, percent: false },
  { name: "LeakReduction", value: 0.3, percent: true },
  { name: "CostPerRepair", value: 185000, percent: false },
];

/** The problems as the command line prints them. */
function printed(text: string | Uint8Array): string[] {
  return readCustomersCsv(text, VARIABLES).problems.map((p) => describeBatchProblem(p, "customers.csv"));
}

describe("reading a sound customers CSV", () => {
  test("gives each customer's line, name and a number or nothing per variable, in the model's order", () => {
    const csv = readCustomersCsv("Customer,CostPerRepair,PipelineMiles\nAcme,150000,800\nGlobex,,1500\n", VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.columns).toEqual(["CostPerRepair", "PipelineMiles"]);
    expect(csv.customers).toEqual([
      { line: 2, customer: "Acme", values: [800, undefined, 150000] },
      { line: 3, customer: "Globex", values: [1500, undefined, undefined] },
    ]);
  });

  test("headers match ignoring case and surrounding spaces; names and numbers lose surrounding spaces", () => {
    const csv = readCustomersCsv(" customer , PIPELINEMILES ,leakreduction\n  Acme Corp  ,  800 , 25% \n", VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.customers).toEqual([{ line: 2, customer: "Acme Corp", values: [800, 0.25, undefined] }]);
  });

  test("quoted fields, doubled quotes, a comma and a line break inside quotes, CRLF and a BOM are CSV as Excel writes it", () => {
    const bytes = new TextEncoder().encode(
      '\ufeffCustomer,PipelineMiles\r\n"Fabrikam, Inc.","1,200"\r\n"The ""Best""\r\nPipes",900\r\nNorthwind,950\r\n',
    );
    const csv = readCustomersCsv(bytes, VARIABLES);
    // The name with a line break is refused (it would break file names and the roll-up), on the line it starts.
    expect(csv.problems.map((p) => describeBatchProblem(p, "customers.csv"))).toEqual([
      "Error in customers.csv, line 3, column A (Customer): The customer's name holds a line break or another control character; keep it on one line.",
    ]);
    expect(csv.customers).toEqual([
      { line: 2, customer: "Fabrikam, Inc.", values: [1200, undefined, undefined] },
      // The record before spans lines 3 and 4.
      { line: 5, customer: "Northwind", values: [950, undefined, undefined] },
    ]);
  });

  test("empty lines and lines of empty fields are skipped without shifting line numbers", () => {
    const csv = readCustomersCsv("\nCustomer,PipelineMiles\n\n,\nAcme,800\n\n", VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.customers).toEqual([{ line: 5, customer: "Acme", values: [800, undefined, undefined] }]);
  });

  test("a file separated by semicolons (Excel where the decimal mark is a comma) reads decimal commas", () => {
    expect(detectDelimiter("Customer;PipelineMiles;LeakReduction\n")).toBe(";");
    const csv = readCustomersCsv("Customer;PipelineMiles;LeakReduction;CostPerRepair\nAcme;1.200,5;0,25;185.000.000\n", VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.customers[0]!.values).toEqual([1200.5, 0.25, 185000000]);
  });

  test("tab-separated text (Excel's Unicode Text, UTF-16) reads too", () => {
    const text = "Customer\tPipelineMiles\nAcme\t800\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const csv = readCustomersCsv(utf16, VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.customers).toEqual([{ line: 2, customer: "Acme", values: [800, undefined, undefined] }]);
  });

  test("a file that is not UTF-8 is read as Windows-1252, with a warning", () => {
    const bytes = Uint8Array.from([
      ..."Customer,PipelineMiles\nSoci".split("").map((c) => c.charCodeAt(0)),
      0xe9,
      ..."t\xe9 G\xe9n\xe9rale,800\n".split("").map((c) => c.charCodeAt(0)),
    ]);
    const csv = readCustomersCsv(bytes, VARIABLES);
    expect(csv.customers[0]!.customer).toBe("Société Générale");
    expect(csv.problems.map((p) => [p.severity, p.message])).toEqual([["warning", expect.stringContaining("read as Windows-1252")]]);
  });

  test("trailing empty columns, as spreadsheets sometimes save them, are no problem", () => {
    const csv = readCustomersCsv("Customer,PipelineMiles,,\nAcme,800,,\nGlobex,900,,,\n", VARIABLES);
    expect(csv.problems).toEqual([]);
    expect(csv.customers.map((c) => c.customer)).toEqual(["Acme", "Globex"]);
  });
});

describe("problems, each with line and column", () => {
  test("an unknown column says so and suggests the variable it differs from only by case, spaces or a typo", () => {
    expect(printed("Customer,Pipeline Miles,Leak_reduction,CostPerRepiar,Colour\nAcme,1,2,3,4\n")).toEqual([
      'Error in customers.csv, line 1, column B (Pipeline Miles): Unknown column: "Pipeline Miles" is not a variable of the model. Did you mean PipelineMiles?',
      'Error in customers.csv, line 1, column C (Leak_reduction): Unknown column: "Leak_reduction" is not a variable of the model. Did you mean LeakReduction?',
      'Error in customers.csv, line 1, column D (CostPerRepiar): Unknown column: "CostPerRepiar" is not a variable of the model. Did you mean CostPerRepair?',
      'Error in customers.csv, line 1, column E (Colour): Unknown column: "Colour" is not a variable of the model. The model\'s variables are: PipelineMiles, LeakReduction, CostPerRepair.',
    ]);
    expect(closestName("Colour", ["PipelineMiles"])).toBeUndefined();
  });

  test("a column named after a setting is told that batch sets variables only", () => {
    expect(printed("Customer,Investment\nAcme,1\n")).toEqual([
      expect.stringMatching(
        /^Error in customers\.csv, line 1, column B \(Investment\): Unknown column: Investment is a setting of the model \(CVM_Settings\), not a variable;/,
      ),
    ]);
  });

  test("no Customer column, a repeated header, a column with values but no header", () => {
    expect(printed("Name,PipelineMiles\nAcme,800\n")).toEqual([
      'Error in customers.csv, line 1, column A (Name): Unknown column: "Name" is not a variable of the model. The model\'s variables are: PipelineMiles, LeakReduction, CostPerRepair.',
      "Error in customers.csv, line 1: There is no Customer column. The first line must name the columns: Customer (each customer's name), then one per variable to override, named as the variable.",
    ]);
    expect(printed("Customers,PipelineMiles\nAcme,800\n")[0]).toContain("Did you mean Customer?");
    expect(printed("Customer,PipelineMiles,pipelinemiles,,CostPerRepair\nAcme,800,900,x,1\n")).toEqual([
      'Error in customers.csv, line 1, column C (pipelinemiles): The column "pipelinemiles" is repeated: column B has the same header. Keep one of them.',
      "Error in customers.csv, line 1, column D: This column has values (the first on line 2) but no header. Name it after the variable it sets, or delete it.",
    ]);
  });

  test("cells that are not numbers, at their line and column", () => {
    expect(printed("Customer,PipelineMiles,LeakReduction,CostPerRepair\nAcme,lots,25%,$185000\nGlobex,1.5.3,#DIV/0!,1,5\n")).toEqual([
      'Error in customers.csv, line 2, column B (PipelineMiles): "lots" is not a number; enter a number such as 1200, 0.35 or 35%, or leave the cell empty to keep the model\'s value.',
      'Error in customers.csv, line 2, column D (CostPerRepair): "$185000" is not a plain number: write it without the currency symbol (the model\'s currency applies).',
      expect.stringMatching(/^Error in customers\.csv, line 3, column B \(PipelineMiles\): "1\.5\.3" is not a number/),
      "Error in customers.csv, line 3, column C (LeakReduction): The cell holds the error #DIV/0!, not a number; fix it where the CSV came from, or leave the cell empty to keep the model's value.",
      'Error in customers.csv, line 3, column E: This line has 5 fields but the header has 4. A value that contains "," must be put in double quotes.',
    ]);
  });

  test("a line with too few fields", () => {
    expect(printed("Customer,PipelineMiles,LeakReduction\nAcme,800\n")).toEqual([
      'Error in customers.csv, line 2, column C (LeakReduction): This line has 2 fields but the header has 3: a separator (",") is missing, or the line was cut short.',
    ]);
  });

  test("an empty customer name, and the same customer twice (ignoring case and surrounding spaces)", () => {
    expect(printed("Customer,PipelineMiles\nAcme Corp,800\n,900\n  ACME  corp ,1000\n")).toEqual([
      "Error in customers.csv, line 3, column A (Customer): The customer has no name. Every line needs one: it names the customer's workbook and appears in the roll-up.",
      'Error in customers.csv, line 4, column A (Customer): The customer "ACME  corp" is already on line 2. Each customer may appear once (names are compared ignoring case and surrounding spaces).',
    ]);
    // Lines with errors are left out; the others are kept for the remaining checks.
    expect(readCustomersCsv("Customer,PipelineMiles\nAcme,800\nAcme,900\n", VARIABLES).customers.map((c) => c.line)).toEqual([2]);
  });

  test("an unclosed quote is reported on the line where it opens", () => {
    expect(printed('Customer,PipelineMiles\nAcme,800\n"Globex,900\nInitech,1000\n')).toEqual([
      'Error in customers.csv, line 3: A double quote (") opened on this line is never closed, so the rest of the file would be one value. Close it, or write a quote inside a value as two quotes ("").',
    ]);
  });

  test("an empty file, and a header without customers", () => {
    expect(printed("")).toEqual([
      "Error in customers.csv: The file is empty. Its first line must name the columns: Customer, then one per variable to override (for example PipelineMiles).",
    ]);
    expect(printed("Customer,PipelineMiles\n")).toEqual([
      "Error in customers.csv: The file has a header but no customers: add one line per customer below it.",
    ]);
  });

  test("a percentage variable given as a whole number is a warning that shows both readings", () => {
    const csv = readCustomersCsv("Customer,LeakReduction\nAcme,25\nGlobex,0.25\n", VARIABLES);
    expect(csv.problems.map((p) => describeBatchProblem(p, "customers.csv"))).toEqual([
      "Warning in customers.csv, line 2, column B (LeakReduction): LeakReduction is a percentage in the model (30%), and 25 is 2500%. If 25% is meant, write 25% or 0.25.",
    ]);
    expect(csv.customers.map((c) => c.values[1])).toEqual([25, 0.25]);
  });

  test("a semicolon file refuses a number that could be read two ways", () => {
    expect(printed("Customer;PipelineMiles\nAcme;1.200\n")).toEqual([
      'Error in customers.csv, line 2, column B (PipelineMiles): "1.200" could be 1200 or 1,200: this file separates its columns with ";", where "." groups thousands but is also read as a decimal point. Write 1200, or 1,200 for a decimal.',
    ]);
  });
});

describe("numbers as people type them", () => {
  test.each([
    ["1200", 1200],
    ["  1200  ", 1200],
    ["1,200", 1200],
    ["1,234,567.5", 1234567.5],
    ["1 200", 1200],
    ["1\u00a0200,5", undefined],
    ["0.35", 0.35],
    [".5", 0.5],
    ["-5", -5],
    ["+5", 5],
    ["2e3", 2000],
    ["15%", 0.15],
    ["15 %", 0.15],
    ["0.5%", 0.005],
  ])("%j reads as %p in a comma-separated file", (text, expected) => {
    const read = readCsvNumber(text, "point");
    if (expected === undefined) expect(read.ok).toBe(false);
    else expect(read).toEqual({ ok: true, value: expected, percent: text.includes("%") });
  });

  test.each([
    ["0,35", 0.35],
    ["1.234,5", 1234.5],
    ["1\u00a0200,5", 1200.5],
    ["0.012", 0.012],
    ["12,5%", 0.125],
  ])("%j reads as %p in a semicolon-separated file", (text, expected) => {
    expect(readCsvNumber(text, "comma")).toEqual({ ok: true, value: expected, percent: text.includes("%") });
  });

  test.each(["abc", "1,5", "12,34", "1_000", "0x10", "Infinity", "NaN", "1e999", "TRUE", "(5)", "€5", "5 USD"])(
    "%j is not a number",
    (text) => {
      expect(readCsvNumber(text, "point").ok).toBe(false);
    },
  );

  test("a decimal comma in a comma-separated file tells how to write it", () => {
    expect(readCsvNumber("1,5", "point")).toEqual({ ok: false, message: expect.stringContaining("decimals take a point (1.5)") });
  });
});

test("a short line is no problem when only unnamed trailing columns are missing", () => {
  expect(printed("Customer,PipelineMiles,,\nAcme,800\nGlobex\n")).toEqual([
    'Error in customers.csv, line 3, column B (PipelineMiles): This line has 1 field but the header has 2: a separator (",") is missing, or the line was cut short.',
  ]);
});

describe("Low, High and Actual columns", () => {
  const RANGED: readonly CsvVariable[] = [
    { name: "PipelineMiles", value: 1200, percent: false, hasLow: true, hasHigh: true, low: 1100, high: 1300 },
    { name: "LeakReduction", value: 0.3, percent: true, hasLow: true, hasHigh: true },
  ];
  const ELEMENTS = [
    { id: "LeakRepairs", element: "Fewer leak repairs", hasActual: true },
    { element: "Inspection", hasActual: true },
    { element: "Inspection", hasActual: true },
    { element: "Less product lost", hasActual: true },
  ];
  const problems = (text: string) => readCustomersCsv(text, RANGED, ELEMENTS).problems.map((p) => describeBatchProblem(p, "customers.csv"));

  test("each customer's Low, High and Actual, by variable and by element (Id or name), in the model's order; empty keeps the model's", () => {
    const csv = readCustomersCsv(
      'Customer,PipelineMiles HIGH,  pipelinemiles   low ,leakrepairs actual,Less  Product Lost Actual\nAcme,2600,2000,"500,000",\nGlobex,,,,7\n',
      RANGED,
      ELEMENTS,
    );
    expect(csv.problems).toEqual([]);
    expect(csv.customers).toEqual([
      {
        line: 2,
        customer: "Acme",
        values: [undefined, undefined],
        lows: [2000, undefined],
        highs: [2600, undefined],
        actuals: [500000, undefined, undefined, undefined],
      },
      {
        line: 3,
        customer: "Globex",
        values: [undefined, undefined],
        lows: [undefined, undefined],
        highs: [undefined, undefined],
        actuals: [undefined, undefined, undefined, 7],
      },
    ]);
  });

  test("what cannot be kept or told apart is refused at its column; one end without the other is a warning", () => {
    expect(problems("Customer,Inspection Actual,LeakRepairs Actual,Fewer leak repairs Actual,LeakReduction Low\nAcme,1,2,3,20%\n")).toEqual(
      [
        'Error in customers.csv, line 1, column B (Inspection Actual): 2 elements are named "Inspection", so this column could be the Actual of any of them. Give each an Id in CVM_Elements and name the column after the Id.',
        'Error in customers.csv, line 1, column D (Fewer leak repairs Actual): The column "Fewer leak repairs Actual" sets what column C ("LeakRepairs Actual") sets already. Keep one of them.',
        "Warning in customers.csv, line 2, column E (LeakReduction Low): LeakReduction gets a Low for this customer but no High, neither here nor in the model: its scenarios and sensitivity leave it out. Give LeakReduction High too.",
      ],
    );
  });

  test("a Low above the High is an error at the column this line gives; a percentage typed as a whole number is a warning as for Values", () => {
    expect(problems("Customer,PipelineMiles Low,LeakReduction Low,LeakReduction High\nAcme,1400,20,0.4\n")).toEqual([
      "Error in customers.csv, line 2, column B (PipelineMiles Low): The Low of PipelineMiles, 1,400, is greater than its High, 1,300 (the model's: this line gives none): the range would be upside down. Swap them, or correct one.",
      "Warning in customers.csv, line 2, column C (LeakReduction Low): The Low of LeakReduction is a percentage in the model (30%), and 20 is 2000%. If 20% is meant, write 20% or 0.2.",
      "Error in customers.csv, line 2, column C (LeakReduction Low): The Low of LeakReduction, 20, is greater than its High, 0.4: the range would be upside down. Swap them, or correct one.",
    ]);
  });
});
