/**
 * A small namespace-aware XML tree for tests, built on saxes: a strict, non-validating XML 1.0
 * parser (it ships with exceljs). Parsing throws on anything that is not well-formed XML --
 * mismatched or unclosed tags, unquoted or duplicate attributes, undefined entities, unbound
 * namespace prefixes, text or a second element outside the root -- with file, line and column.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xsi:type". */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Namespace URI ("" for unprefixed attributes). */
  readonly uri: string;
  readonly value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  readonly name: string;
  readonly local: string;
  /** Namespace URI of the element. */
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** The element's own character data (CDATA included), concatenated; not its descendants'. */
  readonly text: string;
  /** 1-based line on which the start tag ends, for messages. */
  readonly line: number;
  readonly parent: XmlElement | undefined;
}

export interface XmlDocument {
  readonly root: XmlElement;
  readonly declaration: { version?: string; encoding?: string; standalone?: string } | undefined;
}

interface MutableElement {
  name: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: MutableElement[];
  text: string;
  line: number;
  parent: MutableElement | undefined;
}

/** Parses `source` strictly; throws an Error naming `fileName`, line and column on the first problem. */
export function parseXml(source: string, fileName = "input.xml"): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName });
  let root: MutableElement | undefined;
  let declaration: XmlDocument["declaration"];
  const stack: MutableElement[] = [];

  parser.on("error", (err) => {
    throw err;
  });
  parser.on("xmldecl", (decl) => {
    declaration = { ...decl };
  });
  parser.on("doctype", () => {
    // Office manifests never have one, and a DTD could define entities we do not expand.
    throw parser.makeError("unexpected DOCTYPE");
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const element: MutableElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({
        name: a.name,
        prefix: a.prefix,
        local: a.local,
        uri: a.uri,
        value: a.value,
      })),
      children: [],
      text: "",
      line: parser.line,
      parent: stack[stack.length - 1],
    };
    if (element.parent) element.parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const onText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  parser.write(source).close();
  if (!root) throw new Error(`${fileName}: no root element`);
  return { root, declaration };
}

/** The value of attribute `name` (qualified as written, e.g. "xsi:type"), or undefined. */
export function attr(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

/** Like attr(), but throws if the attribute is missing. */
export function requireAttr(element: XmlElement, name: string): string {
  const value = attr(element, name);
  if (value === undefined) throw new Error(`<${element.name}> on line ${element.line} has no ${name} attribute`);
  return value;
}

/** Direct child elements, optionally only those with local name `local`. */
export function children(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter((c) => local === undefined || c.local === local);
}

/** The single direct child with local name `local`; throws if there is not exactly one. */
export function child(element: XmlElement, local: string): XmlElement {
  const found = children(element, local);
  if (found.length !== 1) {
    throw new Error(`<${element.name}> on line ${element.line} has ${found.length} <${local}> children, expected 1`);
  }
  return found[0]!;
}

/** Follows a path of local names, one child per step (each step must be unique). */
export function childPath(element: XmlElement, ...locals: string[]): XmlElement {
  return locals.reduce(child, element);
}

/** The element and all its descendants, document order. */
export function* descendantsAndSelf(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const c of element.children) yield* descendantsAndSelf(c);
}

/** All descendants (and the element itself) with local name `local`. */
export function findAll(element: XmlElement, local: string): XmlElement[] {
  return [...descendantsAndSelf(element)].filter((e) => e.local === local);
}

/** Slash-separated local names from the root, for messages: "OfficeApp/VersionOverrides/...". */
export function pathOf(element: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) parts.unshift(e.local);
  return parts.join("/");
}
