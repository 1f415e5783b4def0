/**
 * File names for the customers' workbooks, safe on Windows, macOS and Linux alike: a workbook
 * written on one and copied to another (a shared drive, a zip sent by mail) keeps its name.
 * Pure: no file system.
 */

/** What every customer's workbook is called after its name. */
export const WORKBOOK_SUFFIX = ".value.xlsx";

/**
 * The longest stem, in UTF-8 bytes. File systems allow 255 bytes (ext4, APFS) or 255 UTF-16
 * units (NTFS) per name; the stem stays well below, so that the suffix, a " (12)" and a long
 * folder still fit in Windows' 260-character paths.
 */
export const MAX_STEM_BYTES = 100;

/** Windows' device names: a file called `CON` or `con.value.xlsx` cannot be created there. */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Characters that cannot be in a name on some system: `<>:"/\|?*` (Windows; `/` everywhere,
 * `:` in macOS' Finder), control characters, and invisible format characters (bidirectional
 * overrides would let a name show other than it is).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\p{Cf}]/gu;

const utf8 = new TextEncoder();

/** Cuts `text` to at most `bytes` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const size = utf8.encode(ch).length;
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** Leading and trailing dots and spaces: Windows drops trailing ones, a leading dot hides the file. */
const trimDotsAndSpaces = (text: string) => text.replace(/^[.\s]+|[.\s]+$/gu, "");

/**
 * The stem of a customer's file name: the name with forbidden characters replaced by `_`, runs
 * of spaces made one, no leading or trailing dot or space, no device name, at most
 * MAX_STEM_BYTES. Never empty.
 */
export function safeFileStem(customer: string): string {
  let stem = customer.normalize("NFC").replace(FORBIDDEN, "_").replace(/\s+/gu, " ");
  stem = trimDotsAndSpaces(stem);
  stem = trimDotsAndSpaces(cutToBytes(stem, MAX_STEM_BYTES));
  if (stem === "") return "customer";
  // Windows reserves the device name whatever follows its first dot (`NUL.value.xlsx`).
  const beforeDot = stem.split(".")[0]!.trimEnd();
  if (RESERVED.test(beforeDot)) stem = `_${stem}`;
  return stem;
}

/**
 * One file name per customer, in order: the safe stem and WORKBOOK_SUFFIX; a name that another
 * customer's already takes, ignoring case (Windows and macOS do), gets " (2)", " (3)"….
 */
export function assignFileNames(customers: readonly string[]): string[] {
  const taken = new Set<string>();
  return customers.map((customer) => {
    const stem = safeFileStem(customer);
    let name = `${stem}${WORKBOOK_SUFFIX}`;
    for (let n = 2; taken.has(foldName(name)); n++) name = `${stem} (${n})${WORKBOOK_SUFFIX}`;
    taken.add(foldName(name));
    return name;
  });
}

/** The form under which two file names are the same file on a case-insensitive file system. */
export function foldName(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
