/**
 * Files the add-in build serves from its web root (https://localhost:3000/ in development), as
 * paths relative to that root. The manifest tests check that every https://localhost:3000/<file>
 * URL in manifest.xml names one of these.
 *
 * This is a hand-kept list for now; once the webpack build exists it should be replaced by (or
 * checked against) the contents of dist/.
 */
export const BUILD_OUTPUTS: readonly string[] = Object.freeze([
  "taskpane.html",
  "functions.js",
  "functions.json",
  "commands.html",
  "assets/icon-16.png",
  "assets/icon-32.png",
  "assets/icon-64.png",
  "assets/icon-80.png",
  "assets/icon-128.png",
]);
