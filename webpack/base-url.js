/*
 * Where the add-in is served from. Every URL in manifest.xml starts with DEV_BASE_URL (the dev
 * server); a production build replaces that literal string with ADDIN_BASE_URL.
 */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * The production base URL from the value of ADDIN_BASE_URL, or null when it is unset or empty
 * (the manifest then keeps the development URLs). Throws with a message that says what is wrong
 * and how a correct value looks.
 */
function resolveBaseUrl(value) {
  if (value === undefined || value.trim() === "") return null;
  const raw = value.trim();
  const example = "ADDIN_BASE_URL=https://addin.example.com/cvm/ npm run build";
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${raw}" is not a URL; expected an https URL ending in "/", e.g. ${example}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL "${raw}" must use https (Office loads add-ins only over https), e.g. ${example}`);
  }
  if (!raw.endsWith("/")) {
    throw new Error(`ADDIN_BASE_URL "${raw}" must end with "/" (it is the folder the build's files are served from), e.g. ${example}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL "${raw}" must not contain a query, a fragment or credentials, e.g. ${example}`);
  }
  if (url.href !== raw) {
    throw new Error(`ADDIN_BASE_URL "${raw}" is not in canonical form; write it as "${url.href}"`);
  }
  return url.href;
}

/**
 * The manifest for baseUrl: unchanged when baseUrl is null; otherwise every occurrence of
 * DEV_BASE_URL replaced by baseUrl, and the XML comments removed (they explain the development
 * setup and mention localhost).
 */
function rewriteManifest(source, baseUrl) {
  if (baseUrl === null) return source;
  if (!source.includes(DEV_BASE_URL)) throw new Error(`manifest.xml contains no ${DEV_BASE_URL} URL to rewrite`);
  const withoutComments = source.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*(\r?\n)?/g, "");
  return withoutComments.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifest };
