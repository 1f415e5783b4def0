import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { MID_PAYBACK } from "../fixtures/models";
import { temporaryFolder } from "../support/build";
import { cannotWrite } from "../../src/cli/input-files";
import { cvm, sha256Of } from "../support/cli";

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

async function workbookAt(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

let folder: string;
let samplePath: string;
beforeAll(async () => {
  folder = await temporaryFolder("cli");
  samplePath = path.join(folder, "pipeline.xlsx");
  await fs.writeFile(samplePath, await writeModelWorkbook(PIPELINE_SAMPLE));
});

describe("cvm build", () => {
  test("writes <name>.value.xlsx beside the input and leaves the input byte for byte as it was", async () => {
    const before = await sha256Of(samplePath);
    const { status, stdout } = await cvm("build", samplePath);
    expect(status).toBe(0);
    expect(stdout).toContain("Customer: Northwind Midstream");
    expect(await sha256Of(samplePath)).toBe(before);
    const written = await workbookAt(path.join(folder, "pipeline.value.xlsx"));
    expect(written.worksheets.map((s) => s.name)).toEqual([
      "Variables",
      "Elements",
      "Settings",
      "Stakeholders",
      "Actuals",
      "Value Summary",
      "Value Map",
      "Assumptions Log",
      "CVM_Meta",
    ]);
    expect(written.getWorksheet("CVM_Meta")!.state).toBe("veryHidden");
  });

  test("--json prints the contract's shape, with null where a result has no value", async () => {
    const modelPath = path.join(folder, "no-cost.xlsx");
    await fs.writeFile(
      modelPath,
      await writeModelWorkbook({
        ...MID_PAYBACK.tables,
        settings: [
          ["Setting", "Value"],
          ["Customer", "Fabrikam"],
          ["Years", 2],
        ],
      }),
    );
    const { status, stdout } = await cvm("build", modelPath, "--json", "--out", path.join(folder, "out", "no-cost.json.xlsx"));
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["customer", "currency", "elements", "totals"]);
    expect(json.customer).toBe("Fabrikam");
    expect(json.currency).toBe("USD");
    // Fuel saved: 40 × 31000 × 8% = 99200 a year, ramp 40%, 80%.
    expect(json.elements[0]).toEqual({
      id: null,
      element: "Fuel saved",
      stakeholder: "Fleet Manager",
      confidence: "green",
      annualValue: 99200,
      byYear: [39680, 79360],
    });
    expect(Object.keys(json.totals)).toEqual([
      "TotalAnnualValue",
      "Green",
      "Gray",
      "TotalBenefit",
      "TotalCost",
      "NetValue",
      "NPV",
      "ROI",
      "PaybackMonths",
    ]);
    expect(json.totals.TotalCost).toBe(0);
    expect(json.totals.ROI).toBeNull();
    expect(json.totals.PaybackMonths).toBe(0);
    expect(await exists(path.join(folder, "out", "no-cost.json.xlsx"))).toBe(true);
  });

  test("--json reports the next-best alternative and its three totals after the others; the summary line names it", async () => {
    const modelPath = path.join(folder, "alternative.xlsx");
    await fs.writeFile(
      modelPath,
      await writeModelWorkbook({
        ...MID_PAYBACK.tables,
        settings: [
          ["Setting", "Value"],
          ["Years", 2],
          ["Investment", 50000],
          ["Alternative", "Manual fuel audits"],
          ["AlternativeAnnualCost", 30000],
        ],
      }),
    );
    const out = path.join(folder, "out", "alternative.value.xlsx");
    const { status, stdout } = await cvm("build", modelPath, "--json", "--out", out);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["customer", "currency", "alternative", "elements", "totals"]);
    expect(json.alternative).toBe("Manual fuel audits");
    // Fuel saved 99200 a year at 40%, 80%; Fewer breakdowns 40 × 650 = 26000: benefit 39680 + 79360 + 2 × 26000 = 171040.
    // Alternative 2 × 30000 = 60000; price difference 50000 − 60000 = −10000; incentive 171040 + 10000.
    expect(Object.keys(json.totals).slice(-3)).toEqual(["AlternativeCost", "PriceDifference", "Incentive"]);
    expect(json.totals).toMatchObject({ TotalBenefit: 171040, AlternativeCost: 60000, PriceDifference: -10000, Incentive: 181040 });
    const summary = await cvm("build", modelPath, "--out", out);
    expect(summary.stdout).toContain("  Incentive to purchase $181,040 against Manual fuel audits (price difference -$10,000)");
  });

  test("a Value outside its Low–High range is a warning at the Value cell; the workbook is still written", async () => {
    const modelPath = path.join(folder, "outside.xlsx");
    const variables = PIPELINE_SAMPLE.variables.map((row) => (row[0] === "PipelineMiles" ? ["PipelineMiles", 2300, ...row.slice(2)] : row));
    await fs.writeFile(modelPath, await writeModelWorkbook({ ...PIPELINE_SAMPLE, variables }));
    const { status, stderr } = await cvm("build", modelPath);
    expect(status).toBe(0);
    // PipelineMiles is the sample's first variable: row 2, Value in column B.
    expect(stderr).toContain(
      'Warning in sheet "Variables", row 2, column B (CVM_Variables): PipelineMiles is 2,300, outside its range 1,100 to 1,300 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.',
    );
    expect(await exists(path.join(folder, "outside.value.xlsx"))).toBe(true);
  });

  test("a model with errors exits 1, prints each error with sheet, row and column, and writes nothing", async () => {
    const broken = path.join(folder, "broken.xlsx");
    await fs.writeFile(
      broken,
      await writeModelWorkbook({
        variables: [
          ["Name", "Value"],
          ["Miles", "lots"],
          ["Q1", 3],
        ],
        elements: [
          ["Element", "Formula"],
          ["Repairs", "Miles*Mlies"],
        ],
      }),
    );
    const { status, stderr } = await cvm("build", broken);
    expect(status).toBe(1);
    expect(stderr).toContain('sheet "Variables", row 2, column B (CVM_Variables)');
    expect(stderr).toContain('sheet "Variables", row 3, column A (CVM_Variables)');
    expect(stderr).toContain('sheet "Elements", row 2, column B (CVM_Elements)');
    expect(stderr).toContain("nothing was written");
    expect(await exists(path.join(folder, "broken.value.xlsx"))).toBe(false);
  });

  test("bad usage and unreadable files exit 2", async () => {
    expect((await cvm()).status).toBe(2);
    expect((await cvm("frobnicate")).status).toBe(2);
    expect((await cvm("build")).status).toBe(2);
    expect((await cvm("build", samplePath, "--out")).status).toBe(2);
    expect((await cvm("build", samplePath, "--colour")).status).toBe(2);
    const same = await cvm("build", samplePath, "--out", samplePath);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("never modified");
    expect((await cvm("build", path.join(folder, "missing.xlsx"))).stderr).toContain("no such file");
    const notExcel = path.join(folder, "notes.xlsx");
    await fs.writeFile(notExcel, "just text");
    const garbage = await cvm("build", notExcel);
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain("cannot read");
    expect((await cvm("--help")).status).toBe(0);
  });

  test("a sheet or name the user made is a clash: exit 1, a clear message, nothing written", async () => {
    const bytes = await writeModelWorkbook(PIPELINE_SAMPLE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.addWorksheet("Value Summary").getCell("A1").value = "my own notes";
    const clashing = path.join(folder, "clash.xlsx");
    await workbook.xlsx.writeFile(clashing);
    const sheetClash = await cvm("build", clashing);
    expect(sheetClash.status).toBe(1);
    expect(sheetClash.stderr).toContain('already has a sheet named "Value Summary"');
    expect(await exists(path.join(folder, "clash.value.xlsx"))).toBe(false);

    const named = new ExcelJS.Workbook();
    await named.xlsx.load(bytes as unknown as ArrayBuffer);
    named.definedNames.add("Settings!$B$2", "LeakRepairs");
    const nameClashing = path.join(folder, "name-clash.xlsx");
    await named.xlsx.writeFile(nameClashing);
    const nameClash = await cvm("build", nameClashing);
    expect(nameClash.status).toBe(1);
    expect(nameClash.stderr).toContain('already defines the name "LeakRepairs"');
    expect(await exists(path.join(folder, "name-clash.value.xlsx"))).toBe(false);
  });
});

describe("help and version", () => {
  test.each([
    ["build", ["--out <file.xlsx>", "--json", "-h, --help", "Exit status"]],
    ["batch", ["--out-dir <folder>", "--threads <n>", "Customer column", "-h, --help", "130 interrupted"]],
    ["sample", ["<file.xlsx>", "-h, --help", "Exit status"]],
  ])("cvm %s --help prints that command's usage on standard output and exits 0", async (command, mentions) => {
    const help = await cvm(command, "--help");
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout.startsWith(`Usage: cvm ${command} `)).toBe(true);
    for (const text of mentions) expect(help.stdout).toContain(text);
    // The other commands' usage is not in it.
    for (const other of ["build", "batch", "sample"].filter((c) => c !== command)) expect(help.stdout).not.toContain(`cvm ${other} <`);
    expect(await cvm(command, "-h")).toEqual(help);
    expect(await cvm("help", command)).toEqual(help);
    // --help wins over the rest of the line, even a mistake in it.
    expect(await cvm(command, "some.xlsx", "--colour", "--help")).toEqual(help);
  });

  test("cvm --help lists the commands and the global options", async () => {
    const help = await cvm("--help");
    expect([help.status, help.stderr]).toEqual([0, ""]);
    for (const text of [
      "cvm build <workbook.xlsx>",
      "cvm batch <model.xlsx> <customers.csv>",
      "cvm sample <file.xlsx>",
      "cvm help <command>",
      "-v, --version",
    ])
      expect(help.stdout).toContain(text);
    expect(await cvm("-h")).toEqual(help);
    expect(await cvm("help")).toEqual(help);
    // Without a command the same text goes to standard error, as a usage error.
    expect(await cvm()).toEqual({ status: 2, stdout: "", stderr: help.stdout });
  });

  test("cvm --version and -v print the version of package.json", async () => {
    const { version } = JSON.parse(await fs.readFile(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cvm("--version")).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(await cvm("-v")).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("an unknown option names its command and points at the command's --help, exit 2", async () => {
    const colour = await cvm("build", samplePath, "--colour");
    expect([colour.status, colour.stdout]).toEqual([2, ""]);
    expect(colour.stderr).toBe(
      'cvm build: unknown option --colour.\nUsage: cvm build <workbook.xlsx> [--out <file.xlsx>] [--json]\nRun "cvm build --help" for its options.\n',
    );
    const thread = await cvm("batch", samplePath, "customers.csv", "--thread", "2");
    expect(thread.status).toBe(2);
    expect(thread.stderr.split("\n")[0]).toBe("cvm batch: unknown option --thread.");
    expect(thread.stderr).toContain('Run "cvm batch --help"');
    const sampleOption = await cvm("sample", "x.xlsx", "--out", "y.xlsx");
    expect(sampleOption.status).toBe(2);
    expect(sampleOption.stderr.split("\n")[0]).toBe("cvm sample: unknown option --out.");
    const before = await cvm("--colour", "build");
    expect([before.status, before.stderr.split("\n")[0]]).toEqual([2, "cvm: unknown option --colour; an option goes after the command."]);
    expect((await cvm("build", samplePath, "--out")).stderr.split("\n")[0]).toBe("cvm build: --out needs a value.");
    expect((await cvm("build", samplePath, "--json=yes")).stderr.split("\n")[0]).toBe("cvm build: --json takes no value.");
    const unknownCommand = await cvm("help", "frobnicate");
    expect([unknownCommand.status, unknownCommand.stderr.split("\n")[0]]).toEqual([
      2,
      'cvm: there is no command "frobnicate"; the commands are build, batch, sample.',
    ]);
  });
});

describe("inputs that cannot be read and outputs that cannot be written: one sentence each, exit 2", () => {
  let csvPath: string;
  let damaged: string;
  beforeAll(async () => {
    csvPath = path.join(folder, "customers.csv");
    await fs.writeFile(csvPath, "Customer,PipelineMiles\nContoso,1250\n");
    // A real workbook cut short, as an interrupted download leaves it.
    const whole = await fs.readFile(samplePath);
    damaged = path.join(folder, "damaged.xlsx");
    await fs.writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
  });

  /** The run failed with exactly this one line on standard error, nothing on standard output. */
  async function refused(args: string[], sentence: string) {
    const run = await cvm(...args);
    expect(run).toEqual({ status: 2, stdout: "", stderr: `${sentence}\n` });
  }

  test("a missing file", async () => {
    const missing = path.join(folder, "nowhere", "model.xlsx");
    await refused(["build", missing], `cvm: cannot read ${missing}: no such file`);
    await refused(["batch", missing, csvPath], `cvm: cannot read ${missing}: no such file`);
  });

  test("a folder given as the model or as the CSV", async () => {
    const dir = path.join(folder, "a-folder.xlsx");
    await fs.mkdir(dir);
    await refused(["build", dir], `cvm: cannot read ${dir}: it is a folder; give the model workbook (.xlsx) saved from Excel.`);
    await refused(["batch", dir, csvPath], `cvm: cannot read ${dir}: it is a folder; give the model workbook (.xlsx) saved from Excel.`);
    await refused(
      ["batch", samplePath, dir],
      `cvm: cannot read ${dir}: it is a folder; give the customers CSV file (in Excel: Save As, "CSV UTF-8 (Comma delimited)").`,
    );
  });

  test("a CSV, an empty file, an old .xls and a zip that is no workbook given as the model", async () => {
    const textual = `cvm: cannot read ${csvPath} as an Excel workbook (.xlsx): it is a text file (a CSV?), not a workbook; give the model workbook (.xlsx) saved from Excel.`;
    await refused(["build", csvPath], textual);
    await refused(["batch", csvPath, csvPath], textual);

    const empty = path.join(folder, "empty.xlsx");
    await fs.writeFile(empty, "");
    await refused(
      ["build", empty],
      `cvm: cannot read ${empty} as an Excel workbook (.xlsx): the file is empty; give the model workbook (.xlsx) saved from Excel.`,
    );

    // Excel 97-2003 files and password-protected workbooks are OLE compound files.
    const xls = path.join(folder, "old.xls");
    await fs.writeFile(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await refused(
      ["build", xls],
      `cvm: cannot read ${xls} as an Excel workbook (.xlsx): it is an old Excel file (.xls) or a workbook protected by a password; open it in Excel and save it as "Excel Workbook (.xlsx)" without a password.`,
    );

    const JSZip = (await import("jszip")).default;
    const document = new JSZip();
    document.file("[Content_Types].xml", "<Types/>");
    document.file("word/document.xml", "<w:document/>");
    const docx = path.join(folder, "letter.xlsx");
    await fs.writeFile(docx, await document.generateAsync({ type: "uint8array" }));
    await refused(
      ["build", docx],
      `cvm: cannot read ${docx} as an Excel workbook (.xlsx): it is a zip file but not an Excel workbook (perhaps a Word or PowerPoint document); give the model workbook (.xlsx) saved from Excel.`,
    );
  });

  test("a damaged workbook: a real one cut short", async () => {
    const sentence = `cvm: cannot read ${damaged} as an Excel workbook (.xlsx): the file is damaged (cut short in copying or downloading, or changed by another program); copy it again from where it came, or open it in Excel, let Excel repair it and save it again.`;
    await refused(["build", damaged], sentence);
    await refused(["batch", damaged, csvPath, "--out-dir", path.join(folder, "damaged-out")], sentence);
    expect(await exists(path.join(folder, "damaged.value.xlsx"))).toBe(false);
    expect(await exists(path.join(folder, "damaged-out"))).toBe(false);

    // The package opens, but a sheet inside it is cut short.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await fs.readFile(samplePath));
    zip.file("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row><c r="A1"');
    const inside = path.join(folder, "damaged-inside.xlsx");
    await fs.writeFile(inside, await zip.generateAsync({ type: "uint8array" }));
    const insideSentence = `cvm: cannot read ${inside} as an Excel workbook (.xlsx): a part of the workbook inside is damaged or not as Excel writes it; open it in Excel, save it again and give that copy.`;
    await refused(["build", inside], insideSentence);
    await refused(["batch", inside, csvPath, "--out-dir", path.join(folder, "damaged-out")], insideSentence);
  });

  test("a workbook, or a file that is not text, given as the CSV", async () => {
    await refused(
      ["batch", samplePath, samplePath],
      `cvm: cannot read ${samplePath} as a CSV file: it is an Excel workbook (or another zip file), not text; in Excel, save the customers sheet with Save As, "CSV UTF-8 (Comma delimited)", and give that file.`,
    );
    const binary = path.join(folder, "binary.csv");
    await fs.writeFile(binary, Buffer.from([0x43, 0x75, 0x73, 0x00, 0x01, 0x02, 0xff]));
    await refused(
      ["batch", samplePath, binary],
      `cvm: cannot read ${binary} as a CSV file: it is not text; give the customers CSV file (in Excel: Save As, "CSV UTF-8 (Comma delimited)").`,
    );
    // UTF-16 is text, whatever its zero bytes: the CSV reader takes it.
    const utf16 = path.join(folder, "utf16.csv");
    await fs.writeFile(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Customer,PipelineMiles\r\nContoso,1250\r\n", "utf16le")]),
    );
    const run = await cvm("batch", samplePath, utf16, "--out-dir", path.join(folder, "utf16-out"));
    // The one line on standard error: the sample's measured results stay out of Contoso's workbook.
    expect([run.status, run.stderr]).toEqual([
      0,
      "Note: each workbook keeps only its own customer's rows of CVM_Actuals; in every workbook the other rows were emptied.\n",
    ]);
  });

  test("an output that is a folder, or under a file", async () => {
    const outFolder = path.join(folder, "out-folder.xlsx");
    await fs.mkdir(outFolder);
    await refused(
      ["build", samplePath, "--out", outFolder],
      `cvm: cannot write ${outFolder}: it is a folder; name a file ending in .xlsx instead.`,
    );
    await refused(["sample", outFolder], `cvm: cannot write ${outFolder}: it is a folder; name a file ending in .xlsx instead.`);
    expect(await fs.readdir(outFolder)).toEqual([]);

    const aFile = path.join(folder, "plain-file");
    await fs.writeFile(aFile, "not a folder");
    const under = path.join(aFile, "value.xlsx");
    await refused(
      ["build", samplePath, "--out", under],
      `cvm: cannot write ${under}: a part of its path is a file, not a folder; choose another place with --out.`,
    );
    await refused(["sample", under], `cvm: cannot write ${under}: a part of its path is a file, not a folder; give another file name.`);
    const outDir = path.join(aFile, "customers");
    await refused(
      ["batch", samplePath, csvPath, "--out-dir", outDir],
      `cvm: cannot write ${outDir}: a part of its path is a file, not a folder; choose another folder with --out-dir.`,
    );
    expect(await fs.readFile(aFile, "utf8")).toBe("not a folder");
  });

  test("a folder the user may not write in is named, with what to do", () => {
    // Permissions cannot be taken away from root, who may run these tests: the sentence is checked on the error the system gives.
    const inside = path.join(folder, "new", "value.xlsx");
    expect(
      cannotWrite(inside, Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }), "choose another place with --out"),
    ).toBe(
      `cvm: cannot write ${inside}: you are not allowed to write in ${folder}; choose another place with --out, or change the folder's permissions.`,
    );
    expect(cannotWrite(folder, { code: "EROFS" }, "choose another folder with --out-dir")).toBe(
      `cvm: cannot write ${folder}: ${folder} is on a read-only disk; choose another folder with --out-dir.`,
    );
    expect(cannotWrite(inside, { code: "ENOSPC" }, "choose another place with --out")).toBe(
      `cvm: cannot write ${inside}: the disk is full; free some space, or choose another place with --out.`,
    );
  });
});

describe("rebuilding a value workbook", () => {
  test("replaces only what the add-in made, keeps the user's names, and only adds to the history", async () => {
    // A user's names of every kind that ExcelJS alone would mangle: a constant, an expression, a sheet-scoped name.
    const bytes = await writeModelWorkbook(PIPELINE_SAMPLE);
    const start = new ExcelJS.Workbook();
    await start.xlsx.load(bytes as unknown as ArrayBuffer);
    start.getWorksheet("Settings")!.getCell("E1").value = "user's own cell";
    const first = path.join(folder, "rebuild.xlsx");
    await start.xlsx.writeFile(first);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await fs.readFile(first));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const userNames =
      '<definedName name="TaxRate">0.21</definedName><definedName name="DoubleMiles">Variables!$B$2*2</definedName><definedName name="Local" localSheetId="0">Variables!$A$1</definedName>';
    zip.file("xl/workbook.xml", xml.replace("</definedNames>", `${userNames}</definedNames>`));
    await fs.writeFile(first, await zip.generateAsync({ type: "uint8array" }));

    expect((await cvm("build", first, "--out", path.join(folder, "rebuild-1.xlsx"))).status).toBe(0);
    // The user edits an input of the built workbook and builds again, 3 times.
    let current = path.join(folder, "rebuild-1.xlsx");
    const miles = [1250, 1300, 1300];
    for (const [i, value] of miles.entries()) {
      // Edit the cell in the package itself, as Excel would: re-saving with ExcelJS would mangle the user's names.
      const edited = await JSZip.loadAsync(await fs.readFile(current));
      const sheetXml = await edited.file("xl/worksheets/sheet1.xml")!.async("string");
      const changed = sheetXml.replace(/(<c r="B2"[^>]*>)<v>[^<]*<\/v>/, `$1<v>${value}</v>`);
      expect(changed).toMatch(new RegExp(`<c r="B2"[^>]*><v>${value}</v>`));
      edited.file("xl/worksheets/sheet1.xml", changed);
      const editedPath = path.join(folder, `rebuild-${i + 1}-edited.xlsx`);
      await fs.writeFile(editedPath, await edited.generateAsync({ type: "uint8array" }));
      const next = path.join(folder, `rebuild-${i + 2}.xlsx`);
      const result = await cvm("build", editedPath, "--out", next);
      expect([result.status, result.stderr]).toEqual([0, ""]);
      current = next;
    }

    const finalXml = await (await JSZip.loadAsync(await fs.readFile(current))).file("xl/workbook.xml")!.async("string");
    expect(finalXml).toContain('<definedName name="TaxRate">0.21</definedName>');
    expect(finalXml).toContain('<definedName name="DoubleMiles">Variables!$B$2*2</definedName>');
    expect(finalXml).toContain('<definedName name="Local" localSheetId="0">Variables!$A$1</definedName>');
    expect(finalXml.match(/<definedName name="CVM_NPV">/g)).toHaveLength(1);

    const final = await workbookAt(current);
    expect(final.worksheets.filter((s) => s.name === "Value Summary")).toHaveLength(1);
    expect(final.getWorksheet("Settings")!.getCell("E1").value).toBe("user's own cell");
    const log = final.getWorksheet("Assumptions Log")!;
    const history: unknown[][] = [];
    for (let row = 5; row <= log.rowCount; row++) {
      const cells = [13, 14, 15, 16, 17, 18].map((c) => log.getRow(row).getCell(c).value);
      if (cells.some((v) => v !== null)) history.push(cells.slice(1));
    }
    expect(history).toEqual([
      ["Build", "First build", null, null, "17 variables, 6 elements recorded"],
      ["Variable", "PipelineMiles", "Value", 1200, 1250],
      ["Variable", "PipelineMiles", "Value", 1250, 1300],
    ]);
  });
});

describe("the installed bin", () => {
  test("runs the built command line with the same exit statuses", async () => {
    const run = promisify(execFile);
    const bin = path.resolve(__dirname, "../../bin/cvm.js");
    const ok = await run(process.execPath, [bin, "build", samplePath, "--out", path.join(folder, "bin.xlsx"), "--json"]);
    expect(JSON.parse(ok.stdout).totals.TotalCost).toBe(250000 + 5 * 180000);
    await expect(run(process.execPath, [bin, "build"])).rejects.toMatchObject({ code: 2 });
  });

  test("knows its version and each command's help: the bundle carries package.json's version", async () => {
    const run = promisify(execFile);
    const bin = path.resolve(__dirname, "../../bin/cvm.js");
    const { version } = JSON.parse(await fs.readFile(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
    expect((await run(process.execPath, [bin, "--version"])).stdout).toBe(`${version}\n`);
    expect((await run(process.execPath, [bin, "batch", "--help"])).stdout).toContain("--threads <n>");
    await expect(run(process.execPath, [bin, "build", "--colour"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("cvm build: unknown option --colour."),
    });
  });
});
