/**
 * Offline checks of manifest.xml (the add-in only manifest): well-formed XML, element order as in
 * Microsoft's manifest schemas, resource references, URLs, the shared runtime and custom
 * functions wiring, and the icon files it points at.
 *
 * The checks that can be phrased as "list the problems" are functions returning string[]; the
 * tests assert they return [] for manifest.xml and that they do find problems in deliberately
 * broken copies of it, so a check that silently stopped looking would fail here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BUILD_OUTPUTS } from "./support/build-outputs";
import {
  attr,
  child,
  childPath,
  children,
  descendantsAndSelf,
  findAll,
  parseXml,
  pathOf,
  requireAttr,
  type XmlElement,
} from "./support/xml";

const REPO_ROOT = path.resolve(__dirname, "..");
const MANIFEST_FILE = path.join(REPO_ROOT, "manifest.xml");
/** The dev-server base; the production build replaces this literal string, so every URL must start with it. */
const DEV_BASE = "https://localhost:3000/";
/** The add-in's identity. It must never change once the add-in has been installed anywhere. */
const ADDIN_ID = "469be7d6-dc2a-40ab-9dee-974e3ab5d433";

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  taskpaneOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

const SOURCE = fs.readFileSync(MANIFEST_FILE, "utf8");

function parseManifest(source: string = SOURCE): XmlElement {
  return parseXml(source, "manifest.xml").root;
}

/** A copy of manifest.xml with one textual change; fails loudly if `from` is not in the file. */
function mutated(from: string | RegExp, to: string): XmlElement {
  const changed = SOURCE.replace(from, to);
  if (changed === SOURCE) throw new Error(`mutation did not apply: ${String(from)} not found in manifest.xml`);
  return parseManifest(changed);
}

function xsiType(element: XmlElement): string | undefined {
  return element.attributes.find((a) => a.uri === NS.xsi && a.local === "type")?.value;
}

function describeElement(element: XmlElement): string {
  const type = xsiType(element);
  return `${pathOf(element)}${type ? `[xsi:type=${type}]` : ""} (line ${element.line})`;
}

// ---------------------------------------------------------------------------------------------
// Element order. Office rejects a manifest whose children are out of the order the XSDs give
// (xs:sequence), with the same error as for a misplaced element. These sequences are copied from
// OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd and OfficeAppBasicTypesV1_0.xsd
// (OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane), plus <Runtimes>, which Microsoft's
// shared-runtime article requires as the first child of the VersionOverrides <Host>.

interface SequenceRule {
  /** Allowed child local names, in schema order. */
  readonly order: readonly string[];
  /** Children that must be present. */
  readonly required: readonly string[];
}

const SEQUENCES: Readonly<Record<string, SequenceRule>> = {
  "OfficeApp:TaskPaneApp": {
    order: [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
    ],
    required: ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"],
  },
  "VersionOverrides:VersionOverridesV1_0": {
    order: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins", "VersionOverrides"],
    required: ["Hosts", "Resources"],
  },
  "Host:Workbook": { order: ["Runtimes", "AllFormFactors", "DesktopFormFactor"], required: [] },
  AllFormFactors: { order: ["ExtensionPoint"], required: [] },
  DesktopFormFactor: { order: ["GetStarted", "FunctionFile", "ExtensionPoint"], required: ["ExtensionPoint"] },
  GetStarted: { order: ["Title", "Description", "LearnMoreUrl"], required: ["Title", "Description", "LearnMoreUrl"] },
  "ExtensionPoint:CustomFunctions": { order: ["Script", "Page", "Metadata", "Namespace"], required: ["Script", "Page"] },
  "ExtensionPoint:PrimaryCommandSurface": { order: ["OfficeTab", "CustomTab"], required: [] },
  OfficeTab: { order: ["Group"], required: ["Group"] },
  Group: { order: ["Label", "Icon", "Control"], required: ["Label", "Icon", "Control"] },
  "Control:Button": { order: ["Label", "Supertip", "Icon", "Action"], required: ["Label", "Supertip", "Icon", "Action"] },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  "Action:ShowTaskpane": { order: ["TaskpaneId", "SourceLocation", "Title"], required: ["SourceLocation"] },
  "Action:ExecuteFunction": { order: ["FunctionName"], required: ["FunctionName"] },
  Resources: { order: ["Images", "Urls", "ShortStrings", "LongStrings"], required: [] },
  Requirements: { order: ["Sets", "Methods"], required: ["Sets"] },
};

function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  let checked = 0;
  for (const element of descendantsAndSelf(root)) {
    const type = xsiType(element);
    const rule = (type && SEQUENCES[`${element.local}:${type}`]) || SEQUENCES[element.local];
    if (!rule) continue;
    checked++;
    let last = -1;
    for (const c of element.children) {
      const index = rule.order.indexOf(c.local);
      if (index < 0) problems.push(`${describeElement(element)}: <${c.local}> is not an allowed child`);
      else if (index < last)
        problems.push(`${describeElement(element)}: <${c.local}> is out of order (expected order: ${rule.order.join(", ")})`);
      else last = index;
    }
    for (const name of rule.required) {
      if (children(element, name).length === 0) problems.push(`${describeElement(element)}: missing required <${name}>`);
    }
  }
  if (checked === 0) problems.push("no element matched any sequence rule");
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Resources and resid references.

type ResourceKind = "image" | "url" | "short" | "long";

const COLLECTION_KIND: Readonly<Record<string, ResourceKind>> = {
  Images: "image",
  Urls: "url",
  ShortStrings: "short",
  LongStrings: "long",
};

/** What kind of resource a `resid` on an element with this local name must point at (per the XSD types). */
const REFERENCE_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "image", // bt:ImageResourceReference
  Runtime: "url",
  SourceLocation: "url", // bt:URLResourceReference
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short", // bt:ShortResourceReference
  Title: "short",
  Namespace: "short",
  Description: "long", // bt:LongResourceReference
};

const MAX_LENGTH: Readonly<Record<ResourceKind, number>> = { image: 2048, url: 2048, short: 125, long: 250 };
const MAX_RESID_LENGTH = 32;

interface Resource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly value: string;
  readonly element: XmlElement;
}

function resourcesOf(root: XmlElement): Resource[] {
  const resources = childPath(root, "VersionOverrides", "Resources");
  const found: Resource[] = [];
  for (const collection of resources.children) {
    const kind = COLLECTION_KIND[collection.local];
    if (!kind || collection.uri !== NS.basicTypes) throw new Error(`unexpected ${describeElement(collection)} in <Resources>`);
    for (const item of collection.children) {
      found.push({ id: requireAttr(item, "id"), kind, value: requireAttr(item, "DefaultValue"), element: item });
    }
  }
  return found;
}

function residReferences(root: XmlElement): XmlElement[] {
  return [...descendantsAndSelf(root)].filter((e) => attr(e, "resid") !== undefined);
}

function residProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const resources = resourcesOf(root);
  const byId = new Map<string, Resource[]>();
  for (const r of resources) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);

  for (const [id, defs] of byId) {
    if (defs.length > 1) problems.push(`resource "${id}" is defined ${defs.length} times`);
    if (id.length > MAX_RESID_LENGTH) problems.push(`resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters`);
  }
  for (const r of resources) {
    if (r.value.length === 0 || r.value.length > MAX_LENGTH[r.kind]) {
      problems.push(`${r.kind} resource "${r.id}" has length ${r.value.length}; allowed 1..${MAX_LENGTH[r.kind]}`);
    }
  }

  const referenced = new Set<string>();
  for (const ref of residReferences(root)) {
    const resid = requireAttr(ref, "resid");
    referenced.add(resid);
    const expected = REFERENCE_KIND[ref.local];
    const defs = byId.get(resid) ?? [];
    if (!expected) problems.push(`${describeElement(ref)}: don't know what kind of resource resid="${resid}" must be`);
    if (defs.length === 0) problems.push(`${describeElement(ref)}: resid="${resid}" is not defined in <Resources>`);
    else if (expected && defs.some((d) => d.kind !== expected)) {
      problems.push(`${describeElement(ref)}: resid="${resid}" must be a ${expected} resource, is ${defs.map((d) => d.kind).join("/")}`);
    }
  }
  for (const id of byId.keys()) {
    if (!referenced.has(id)) problems.push(`resource "${id}" is defined but never referenced`);
  }
  return problems;
}

function resolve(root: XmlElement, resid: string): string {
  const matches = resourcesOf(root).filter((r) => r.id === resid);
  if (matches.length !== 1) throw new Error(`resid "${resid}" resolves to ${matches.length} resources`);
  return matches[0]!.value;
}

// ---------------------------------------------------------------------------------------------
// URLs.

interface FoundUrl {
  readonly url: string;
  readonly where: string;
}

/** Every attribute value or element text that starts with "http", except namespace declarations. */
function urlsIn(root: XmlElement): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const element of descendantsAndSelf(root)) {
    for (const a of element.attributes) {
      if (a.uri === NS.xmlns || a.name === "xmlns" || a.prefix === "xmlns") continue; // namespace names, not fetched
      if (/^\s*http/i.test(a.value)) found.push({ url: a.value.trim(), where: `${describeElement(element)} @${a.name}` });
    }
    if (/^\s*http/i.test(element.text)) found.push({ url: element.text.trim(), where: describeElement(element) });
  }
  return found;
}

function urlProblems(root: XmlElement, buildOutputs: readonly string[] = BUILD_OUTPUTS): string[] {
  const problems: string[] = [];
  const urls = urlsIn(root);
  if (urls.length === 0) problems.push("no URLs found at all");
  for (const { url, where } of urls) {
    if (!url.startsWith("https://")) {
      problems.push(`${where}: ${url} is not https`);
    } else if (!url.startsWith(DEV_BASE)) {
      problems.push(`${where}: ${url} does not start with ${DEV_BASE}, so the production build would not rewrite it`);
    } else {
      const file = url.slice(DEV_BASE.length);
      if (!buildOutputs.includes(file)) problems.push(`${where}: ${url} names "${file}", which the build does not produce`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// PNG files.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Width and height from the IHDR chunk; throws unless the file starts like a valid PNG. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${file}: no PNG signature`);
  if (buf.readUInt32BE(8) !== 13 || buf.toString("latin1", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  if (crc32(buf.subarray(12, 29)) !== buf.readUInt32BE(29)) throw new Error(`${file}: IHDR CRC mismatch`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The on-disk file behind a https://localhost:3000/assets/... URL. */
function assetFile(url: string): string {
  if (!url.startsWith(`${DEV_BASE}assets/`)) throw new Error(`${url} is not under ${DEV_BASE}assets/`);
  return path.join(REPO_ROOT, ...url.slice(DEV_BASE.length).split("/"));
}

function sizeInName(file: string): number {
  const match = /icon-(\d+)\.png$/.exec(file);
  if (!match) throw new Error(`${file}: name does not say its size (icon-<n>.png)`);
  return Number(match[1]);
}

// =============================================================================================

/**
 * "In the ancestor <Host> element that has a descendant <Runtime> element that is set to a long
 * lifetime, none of the descendant <Action> elements should have a <TaskpaneID> child element."
 * (Configure your Office Add-in to use a shared runtime, July 2026.)
 */
function taskpaneIdProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const host of findAll(root, "Host").filter((h) => xsiType(h) === "Workbook")) {
    const longLived = findAll(host, "Runtime").some((r) => attr(r, "lifetime") === "long");
    if (!longLived) continue;
    for (const action of findAll(host, "Action")) {
      if (children(action, "TaskpaneId").length > 0) problems.push(`${describeElement(action)} has a <TaskpaneId> under a shared runtime`);
    }
  }
  return problems;
}

describe("test/support/xml parser", () => {
  it.each([
    ["mismatched end tag", "<a><b></a>"],
    ["unclosed element", "<a><b/>"],
    ["unquoted attribute", "<a x=1/>"],
    ["duplicate attribute", '<a x="1" x="2"/>'],
    ["undefined entity", "<a>&nbsp;</a>"],
    ["unbound namespace prefix", "<p:a/>"],
    ["two root elements", "<a/><b/>"],
    ["text before the root", "text<a/>"],
    ["double hyphen inside a comment", "<a><!-- x -- y --></a>"],
    ["XML declaration not at the start", ' <?xml version="1.0"?><a/>'],
    ["DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
  ])("rejects %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  it("builds a namespace-aware tree", () => {
    const { root } = parseXml('<r xmlns="urn:a" xmlns:b="urn:b"><b:c d="1">t<![CDATA[<u>]]></b:c><e/></r>');
    expect(root.uri).toBe("urn:a");
    const c = child(root, "c");
    expect([c.name, c.uri, attr(c, "d"), c.text]).toEqual(["b:c", "urn:b", "1", "t<u>"]);
    expect(children(root).map((e) => e.local)).toEqual(["c", "e"]);
  });
});

describe("manifest.xml", () => {
  let root: XmlElement;
  beforeAll(() => {
    root = parseManifest();
  });

  describe("document", () => {
    it("is well-formed XML with an XML declaration", () => {
      const doc = parseXml(SOURCE, "manifest.xml");
      expect(doc.declaration).toEqual(expect.objectContaining({ version: "1.0", encoding: "UTF-8" }));
    });

    it("is an add-in only TaskPaneApp manifest (schema 1.1) with VersionOverrides 1.0", () => {
      expect([root.local, root.uri, xsiType(root)]).toEqual(["OfficeApp", NS.officeApp, "TaskPaneApp"]);
      const overrides = child(root, "VersionOverrides");
      expect([overrides.uri, xsiType(overrides)]).toEqual([NS.taskpaneOverrides, "VersionOverridesV1_0"]);
    });

    it("says at the top that URLs start with https://localhost:3000/ and are rewritten by the build", () => {
      const header = /^<\?xml[^>]*\?>\s*<!--([\s\S]*?)-->/.exec(SOURCE);
      expect(header?.[1]).toContain(DEV_BASE);
    });

    it("has its children in schema order", () => {
      expect(orderProblems(root)).toEqual([]);
    });
  });

  describe("identity", () => {
    // 1.2.0.0: the functions renamed (ELEMENTVALUE, NETPRESENTVALUE) and allowErrorForDataTypeAny.
    // test/functions/metadata-version.test.ts ties every later change of functions.json to a bump.
    it("has the fixed add-in Id and a four-part version, the one functions-lock.json records", () => {
      expect(child(root, "Id").text).toBe(ADDIN_ID);
      expect(child(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "functions-lock.json"), "utf8")) as { manifestVersion: string };
      expect(child(root, "Version").text).toBe(lock.manifestVersion);
    });

    it("names and describes the add-in", () => {
      expect(child(root, "ProviderName").text).toBe("Customer Value Model");
      expect(requireAttr(child(root, "DisplayName"), "DefaultValue")).toBe("Customer Value Model");
      const description = requireAttr(child(root, "Description"), "DefaultValue");
      expect(description).toBe(
        "Model the value your offering creates for a customer: value elements over customer variables, written as live Excel formulas.",
      );
      expect(description.length).toBeLessThanOrEqual(250);
      expect(child(root, "DefaultLocale").text).toBe("en-US");
    });

    it("targets Excel and asks for ReadWriteDocument", () => {
      expect(children(child(root, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
      expect(children(childPath(root, "VersionOverrides", "Hosts"), "Host").map(xsiType)).toEqual(["Workbook"]);
      expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    });

    it("has IconUrl (32 px), HighResolutionIconUrl (64 px) and SupportUrl", () => {
      expect(requireAttr(child(root, "IconUrl"), "DefaultValue")).toBe(`${DEV_BASE}assets/icon-32.png`);
      expect(requireAttr(child(root, "HighResolutionIconUrl"), "DefaultValue")).toBe(`${DEV_BASE}assets/icon-64.png`);
      expect(requireAttr(child(root, "SupportUrl"), "DefaultValue")).toMatch(/^https:\/\//);
    });

    it("points SupportUrl at help.html, a help page for users that the build serves, not at the task pane", () => {
      expect(requireAttr(child(root, "SupportUrl"), "DefaultValue")).toBe(`${DEV_BASE}help.html`);
      expect(BUILD_OUTPUTS).toContain("help.html");
      const page = fs.readFileSync(path.join(REPO_ROOT, "assets", "help.html"), "utf8");
      expect(page).toMatch(/<title>[^<]*help[^<]*<\/title>/i);
      // A user's questions: what the pane does, the functions, the sample, privacy.
      for (const id of ["pane", "sample", "functions", "privacy"]) expect(page).toContain(`<h2 id="${id}">`);
      // Opened in a browser outside Office, it must not wait for office.js or a bundle.
      expect(page).not.toMatch(/<script/i);
    });
  });

  describe("URLs", () => {
    it("finds the URLs it is meant to check", () => {
      const urls = urlsIn(root).map((u) => u.url);
      expect(urls).toEqual(
        expect.arrayContaining([`${DEV_BASE}taskpane.html`, `${DEV_BASE}functions.js`, `${DEV_BASE}assets/icon-80.png`]),
      );
      expect(urls.some((u) => u.startsWith("http://schemas.microsoft.com"))).toBe(false); // namespace names are not URLs to fetch
    });

    it("are all https, start with https://localhost:3000/ and name files the build produces", () => {
      expect(urlProblems(root)).toEqual([]);
    });

    it("lists no AppDomains (an AppDomain cannot carry the https://localhost:3000/ prefix)", () => {
      expect(children(root, "AppDomains")).toEqual([]);
    });
  });

  describe("resources", () => {
    it("defines every referenced resid exactly once, with the right kind and length, and uses every resource", () => {
      expect(residProblems(root)).toEqual([]);
    });

    it("has resources in all four collections", () => {
      const kinds = new Set(resourcesOf(root).map((r) => r.kind));
      expect([...kinds].sort()).toEqual(["image", "long", "short", "url"]);
    });
  });

  describe("requirements", () => {
    // CustomFunctionsRuntime 1.3 for the ErrorCode values beyond #VALUE! and #N/A; ExcelApi 1.11 is
    // what SharedRuntime 1.1 and CustomFunctionsRuntime 1.3 imply (docs/office-requirements.md).
    it("requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi 1.11 in the base manifest, and nothing else", () => {
      const sets = children(childPath(root, "Requirements", "Sets"), "Set").map((s) => [requireAttr(s, "Name"), attr(s, "MinVersion")]);
      expect(sets).toEqual([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.3"],
        ["ExcelApi", "1.11"],
      ]);
      expect(children(child(root, "VersionOverrides"), "Requirements")).toEqual([]);
    });
  });

  describe("shared runtime", () => {
    it("declares one long-lived runtime loaded from the task pane page", () => {
      const host = childPath(root, "VersionOverrides", "Hosts", "Host");
      const runtimes = children(child(host, "Runtimes"), "Runtime");
      expect(runtimes).toHaveLength(1);
      expect(attr(runtimes[0]!, "lifetime")).toBe("long");
      expect(attr(runtimes[0]!, "resid")).toBe("Taskpane.Url");
      expect(resolve(root, "Taskpane.Url")).toBe(`${DEV_BASE}taskpane.html`);
    });

    it("loads the custom functions page, the function file and the task pane from the runtime's resid", () => {
      const host = childPath(root, "VersionOverrides", "Hosts", "Host");
      const runtimeResid = requireAttr(childPath(host, "Runtimes", "Runtime"), "resid");
      const customFunctions = childPath(host, "AllFormFactors", "ExtensionPoint");
      expect(requireAttr(childPath(customFunctions, "Page", "SourceLocation"), "resid")).toBe(runtimeResid);
      expect(requireAttr(childPath(host, "DesktopFormFactor", "FunctionFile"), "resid")).toBe(runtimeResid);
      const showTaskpane = findAll(host, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
      expect(showTaskpane.length).toBeGreaterThan(0);
      for (const action of showTaskpane) expect(requireAttr(child(action, "SourceLocation"), "resid")).toBe(runtimeResid);
      expect(requireAttr(childPath(root, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(resolve(root, runtimeResid));
    });

    it("gives no action a <TaskpaneId> (the shared-runtime article forbids it under a long-lived runtime)", () => {
      expect(taskpaneIdProblems(root)).toEqual([]);
      expect(findAll(root, "Action").filter((a) => xsiType(a) === "ShowTaskpane").length).toBeGreaterThan(0);
    });

    it("reports a <TaskpaneId> on an action under the shared runtime", () => {
      const broken = mutated('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>CVM.Taskpane</TaskpaneId>');
      expect(taskpaneIdProblems(broken)).toEqual([expect.stringContaining("<TaskpaneId>")]);
    });
  });

  describe("custom functions", () => {
    function customFunctions(): XmlElement {
      const point = childPath(root, "VersionOverrides", "Hosts", "Host", "AllFormFactors", "ExtensionPoint");
      expect(xsiType(point)).toBe("CustomFunctions");
      return point;
    }

    it("registers functions.js and functions.json", () => {
      const point = customFunctions();
      expect(resolve(root, requireAttr(childPath(point, "Script", "SourceLocation"), "resid"))).toBe(`${DEV_BASE}functions.js`);
      expect(resolve(root, requireAttr(childPath(point, "Metadata", "SourceLocation"), "resid"))).toBe(`${DEV_BASE}functions.json`);
    });

    it("uses the CVM namespace", () => {
      const resid = requireAttr(child(customFunctions(), "Namespace"), "resid");
      expect(resid).toBe("Functions.Namespace");
      expect(resolve(root, resid)).toBe("CVM");
    });
  });

  describe("ribbon", () => {
    function homeTabGroups(): XmlElement[] {
      const surfaces = findAll(root, "ExtensionPoint").filter((e) => xsiType(e) === "PrimaryCommandSurface");
      expect(surfaces).toHaveLength(1);
      const tabs = children(surfaces[0]!, "OfficeTab");
      expect(tabs.map((t) => attr(t, "id"))).toEqual(["TabHome"]);
      return children(tabs[0]!, "Group");
    }

    function buttons(): XmlElement[] {
      const groups = homeTabGroups();
      expect(groups).toHaveLength(1);
      const controls = children(groups[0]!, "Control");
      expect(controls.map(xsiType)).toEqual(["Button", "Button"]);
      return controls;
    }

    function label(element: XmlElement): string {
      return resolve(root, requireAttr(child(element, "Label"), "resid"));
    }

    it("adds a 'Value Model' group to the Home tab with two buttons, each with a supertip", () => {
      expect(label(homeTabGroups()[0]!)).toBe("Value Model");
      for (const button of buttons()) {
        const supertip = child(button, "Supertip");
        expect(resolve(root, requireAttr(child(supertip, "Title"), "resid"))).toBe(label(button));
        expect(resolve(root, requireAttr(child(supertip, "Description"), "resid")).length).toBeGreaterThan(0);
      }
    });

    it("has a first button that shows the task pane", () => {
      const button = buttons()[0]!;
      expect(label(button)).toBe("Open Value Model");
      expect(xsiType(child(button, "Action"))).toBe("ShowTaskpane");
    });

    it("has a 'Build value summary' button that runs buildValueSummary from the function file", () => {
      const button = buttons()[1]!;
      expect(label(button)).toBe("Build value summary");
      const action = child(button, "Action");
      expect(xsiType(action)).toBe("ExecuteFunction");
      expect(child(action, "FunctionName").text).toBe("buildValueSummary");
      // The function runs in the page the FunctionFile names: the shared runtime's page.
      const host = childPath(root, "VersionOverrides", "Hosts", "Host");
      expect(requireAttr(childPath(host, "DesktopFormFactor", "FunctionFile"), "resid")).toBe("Taskpane.Url");
    });

    it("gives the group and the button 16, 32 and 80 px icons", () => {
      const icons = findAll(root, "Icon");
      expect(icons.length).toBeGreaterThanOrEqual(2);
      for (const icon of icons) {
        const sizes = children(icon, "Image").map((i) => Number(requireAttr(i, "size")));
        expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 80]);
      }
    });

    it("has unique group and control ids", () => {
      const ids = [...findAll(root, "Group"), ...findAll(root, "Control")].map((e) => requireAttr(e, "id"));
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe("icon files", () => {
    it("exist for every image resource, as PNGs of the size the name and the references say", () => {
      const images = resourcesOf(root).filter((r) => r.kind === "image");
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        const file = assetFile(image.value);
        const { width, height } = pngSize(file);
        expect({ file: image.value, width, height }).toEqual({ file: image.value, width: sizeInName(file), height: sizeInName(file) });
        const references = findAll(root, "Image").filter((e) => attr(e, "resid") === image.id);
        for (const ref of references) expect(Number(requireAttr(ref, "size"))).toBe(width);
      }
    });

    it("exist for IconUrl and HighResolutionIconUrl at 32 and 64 px", () => {
      expect(pngSize(assetFile(requireAttr(child(root, "IconUrl"), "DefaultValue")))).toEqual({ width: 32, height: 32 });
      expect(pngSize(assetFile(requireAttr(child(root, "HighResolutionIconUrl"), "DefaultValue")))).toEqual({ width: 64, height: 64 });
    });

    it("exist for every icon the build ships", () => {
      const icons = BUILD_OUTPUTS.filter((f) => f.startsWith("assets/icon-"));
      expect(icons.length).toBeGreaterThan(0);
      for (const icon of icons) {
        const size = sizeInName(icon);
        expect({ icon, ...pngSize(path.join(REPO_ROOT, icon)) }).toEqual({ icon, width: size, height: size });
      }
    });
  });

  describe("the checks catch broken manifests", () => {
    it("reports a referenced resid that is not defined", () => {
      const root2 = mutated(/\s*<bt:Url id="Functions\.Metadata\.Url"[^>]*\/>/, "");
      expect(residProblems(root2)).toEqual([expect.stringContaining('resid="Functions.Metadata.Url" is not defined')]);
    });

    it("reports a resource that nothing references, and one defined twice", () => {
      const root2 = mutated(
        "<bt:ShortStrings>",
        '<bt:ShortStrings>\n<bt:String id="Unused" DefaultValue="x"/><bt:String id="Group.Label" DefaultValue="y"/>',
      );
      expect(residProblems(root2)).toEqual(
        expect.arrayContaining([
          expect.stringContaining('"Unused" is defined but never referenced'),
          expect.stringContaining('"Group.Label" is defined 2 times'),
        ]),
      );
    });

    it("reports a resid that points at the wrong kind of resource", () => {
      const root2 = mutated('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="TaskpaneButton.Tooltip"/>');
      expect(residProblems(root2)).toEqual(
        expect.arrayContaining([expect.stringContaining('resid="TaskpaneButton.Tooltip" must be a short resource')]),
      );
    });

    it("reports a short string over 125 characters", () => {
      const root2 = mutated('DefaultValue="Value Model"', `DefaultValue="${"x".repeat(126)}"`);
      expect(residProblems(root2)).toEqual([expect.stringContaining('short resource "Group.Label" has length 126')]);
    });

    it("reports http, foreign-host and unbuilt URLs", () => {
      expect(urlProblems(mutated(`"${DEV_BASE}functions.js"`, '"http://localhost:3000/functions.js"'))).toEqual([
        expect.stringContaining("is not https"),
      ]);
      expect(
        urlProblems(mutated(`<SupportUrl DefaultValue="${DEV_BASE}help.html"/>`, '<SupportUrl DefaultValue="https://example.com/help"/>')),
      ).toEqual([expect.stringContaining("does not start with https://localhost:3000/")]);
      expect(urlProblems(mutated(`"${DEV_BASE}functions.json"`, `"${DEV_BASE}public/functions.json"`))).toEqual([
        expect.stringContaining('names "public/functions.json", which the build does not produce'),
      ]);
      expect(
        urlProblems(
          root,
          BUILD_OUTPUTS.filter((f) => f !== "taskpane.html"),
        ).length,
      ).toBeGreaterThan(0);
    });

    it("reports an ExecuteFunction action without its FunctionName", () => {
      expect(orderProblems(mutated(/<FunctionName>buildValueSummary<\/FunctionName>/, ""))).toEqual([
        expect.stringContaining("missing required <FunctionName>"),
      ]);
    });

    it("reports elements out of schema order and missing required children", () => {
      const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(SOURCE)![0];
      const moved = SOURCE.replace(runtimes, "").replace("</DesktopFormFactor>", `</DesktopFormFactor>${runtimes}`);
      expect(orderProblems(parseManifest(moved))).toEqual([expect.stringContaining("<Runtimes> is out of order")]);
      expect(orderProblems(mutated(/\s*<Supertip>[\s\S]*?<\/Supertip>/, ""))).toEqual([
        expect.stringContaining("missing required <Supertip>"),
      ]);
    });
  });
});
