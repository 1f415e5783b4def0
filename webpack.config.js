/*
 * `npm run build`: the deployable outputs. Today that is the `cvm` command line; the add-in's task
 * pane and custom functions join this list as they are built (see the issues for the Excel
 * adapter and the task pane).
 */
const cli = require("./webpack.cli.config.js");

module.exports = [cli];
