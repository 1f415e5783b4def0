import { MAX_PROFILE_NAME_LENGTH } from "./types";

export type NameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

/**
 * A profile's name as the user typed it, trimmed: required, at most 100 characters, on one line.
 * Anything else goes, `=Acme` included: the name is written as text and never becomes a formula.
 */
export function checkProfileName(typed: string): NameCheck {
  const name = typed.trim();
  if (name === "") return { ok: false, message: "Enter a name for the profile, such as the customer's name." };
  const length = [...name].length;
  if (length > MAX_PROFILE_NAME_LENGTH)
    return { ok: false, message: `The name is ${length} characters long; use at most ${MAX_PROFILE_NAME_LENGTH}.` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, message: "The name cannot contain line breaks, tabs or other control characters." };
  return { ok: true, name };
}
