/*
 * The dev server's https setting. office-addin-dev-certs makes a localhost certificate signed by a
 * development CA that it installs as trusted, which Office requires. Where that fails (no sudo, no
 * CA store it knows, as on a Linux CI box) the dev server still starts, with webpack-dev-server's
 * own self-signed certificate, which a browser accepts only after a click-through.
 */
async function devServerHttps(
  getHttpsServerOptions = () => require("office-addin-dev-certs").getHttpsServerOptions(),
  warn = console.warn,
) {
  try {
    const options = await getHttpsServerOptions();
    return { type: "https", options };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0].trim();
    warn(
      `[dev-server] office-addin-dev-certs could not provide a trusted localhost certificate (${reason}); ` +
        "using webpack-dev-server's self-signed certificate instead: Office will not load the add-in until you trust it.",
    );
    return "https";
  }
}

module.exports = { devServerHttps };
