/**
 * The production base URL setting (ADDIN_BASE_URL), the manifest rewrite and the dev server's
 * https fallback, as plain functions. test/build/addin-build.test.ts runs them in a real build.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DEV_BASE_URL, resolveBaseUrl, rewriteManifest } from "../../webpack/base-url";
import { devServerHttps } from "../../webpack/dev-server-https";
import { parseXml, pathOf, type XmlElement } from "../support/xml";

const SOURCE = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("resolveBaseUrl (ADDIN_BASE_URL)", () => {
  it("is null when unset or blank: the development URLs stay", () => {
    expect(resolveBaseUrl(undefined)).toBeNull();
    expect(resolveBaseUrl("")).toBeNull();
    expect(resolveBaseUrl("  ")).toBeNull();
  });

  it.each(["https://addin.example.com/cvm/", "https://addin.example.com/", "https://cdn.example.com:8443/a/b/"])("accepts %s", (url) => {
    expect(resolveBaseUrl(url)).toBe(url);
    expect(resolveBaseUrl(` ${url}\n`)).toBe(url);
  });

  it.each([
    ["http://addin.example.com/cvm/", "must use https"],
    ["ftp://addin.example.com/cvm/", "must use https"],
    ["https://addin.example.com/cvm", 'must end with "/"'],
    ["https://addin.example.com", 'must end with "/"'],
    ["addin.example.com/cvm/", "is not a URL"],
    ["https://addin.example.com/cvm/?v=2/", "must not contain a query"],
    ["https://addin.example.com/cvm/#x/", "must not contain a query"],
    ["https://user:secret@addin.example.com/cvm/", "credentials"],
    ["https://Addin.Example.com/cvm/", 'write it as "https://addin.example.com/cvm/"'],
  ])("rejects %s (%s)", (url, message) => {
    expect(() => resolveBaseUrl(url)).toThrow(message);
    expect(() => resolveBaseUrl(url)).toThrow("ADDIN_BASE_URL");
  });
});

describe("rewriteManifest", () => {
  const BASE = "https://addin.example.com/cvm/";

  it("leaves the manifest unchanged without a base URL", () => {
    expect(rewriteManifest(SOURCE, null)).toBe(SOURCE);
  });

  it("replaces every development URL and drops the comments, keeping the XML well-formed", () => {
    const rewritten = rewriteManifest(SOURCE, BASE);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).not.toContain("<!--");
    const urls = SOURCE.split(DEV_BASE_URL).length - 1;
    expect(urls).toBeGreaterThan(5);
    expect(rewritten.split(BASE).length - 1).toBeGreaterThanOrEqual(urls - countInComments(SOURCE, DEV_BASE_URL));
    // Element for element, attribute for attribute, only the base URL changed.
    const before = describeTree(parseXml(SOURCE, "manifest.xml").root);
    const after = describeTree(parseXml(rewritten, "dist/manifest.xml").root);
    expect(after).toHaveLength(before.length);
    expect(after.map((line) => line.split(BASE).join(DEV_BASE_URL))).toEqual(before);
    expect(after.filter((line) => line.includes(BASE))).toHaveLength(before.filter((line) => line.includes(DEV_BASE_URL)).length);
  });

  it("refuses a manifest without development URLs rather than silently shipping it", () => {
    expect(() => rewriteManifest("<OfficeApp/>", BASE)).toThrow(DEV_BASE_URL);
  });
});

describe("devServerHttps", () => {
  it("uses office-addin-dev-certs' options when they can be had", async () => {
    const options = { cert: "c", key: "k", ca: "a" };
    const warn = jest.fn();
    await expect(devServerHttps(async () => options, warn)).resolves.toEqual({ type: "https", options });
    expect(warn).not.toHaveBeenCalled();
  });

  it("falls back to webpack-dev-server's self-signed certificate with a one-line warning", async () => {
    const warn = jest.fn();
    const failing = async (): Promise<object> => {
      throw new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found\nmore detail");
    };
    await expect(devServerHttps(failing, warn)).resolves.toBe("https");
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toContain("sudo: not found");
    expect(message).not.toContain("\n");
  });
});

function commentsOf(source: string): string[] {
  return source.match(/<!--[\s\S]*?-->/g) ?? [];
}

function countInComments(source: string, text: string): number {
  return commentsOf(source).reduce((n, comment) => n + comment.split(text).length - 1, 0);
}

/** One line per element: its path, attributes and trimmed text. */
function describeTree(element: XmlElement, into: string[] = []): string[] {
  const attributes = element.attributes.map((a) => `${a.name}=${a.value}`).join(" ");
  into.push(`${pathOf(element)} [${attributes}] ${element.text.trim()}`);
  for (const c of element.children) describeTree(c, into);
  return into;
}
