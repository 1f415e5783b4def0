/**
 * Files the add-in build serves from its web root (https://localhost:3000/ in development,
 * ADDIN_BASE_URL in production), as paths relative to that root. The manifest tests check offline
 * that every https://localhost:3000/<file> URL in manifest.xml names one of these;
 * test/build/addin-build.test.ts runs the real production build and checks that this list is
 * exactly what it writes to dist/ (apart from the *.LICENSE.txt files terser extracts).
 *
 * There is no commands.html: with the shared runtime the ribbon commands run on taskpane.html,
 * which loads functions.js, commands.js and taskpane.js.
 */
export const BUILD_OUTPUTS: readonly string[] = Object.freeze([
  "taskpane.html",
  "taskpane.js",
  "functions.js",
  "functions.json",
  "commands.js",
  "manifest.xml",
  "help.html",
  "assets/icon-16.png",
  "assets/icon-32.png",
  "assets/icon-64.png",
  "assets/icon-80.png",
  "assets/icon-128.png",
]);

/** Files a build may add that no URL names: licence texts terser extracts from the bundles. */
export function isIncidentalOutput(file: string): boolean {
  return /\.LICENSE\.txt$/.test(file);
}
