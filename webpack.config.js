/* Webpack build of the add-in, after Microsoft's Office add-in templates (task pane, commands,
 * functions, https dev server on port 3000, production URL replaced at build time). */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { buildMetadata, buildHelpPage } = require("./scripts/functions-metadata");
const catalog = require("./src/functions/catalog.json");

const DEV_URL = "https://localhost:3000/";
/** Where the built add-in is hosted in production; set ADDIN_URL when building for a server. */
const PROD_URL = (process.env.ADDIN_URL || "https://leiden-monitor.example.org").replace(/\/?$/, "/");

/** Emits functions.json and help.html from the one function table. */
class FunctionsMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { RawSource } = compiler.webpack.sources;
        // Help links: the add-in's own help page (the function reference), or HELP_URL (e.g. the
        // README's "Function reference" section where the repository is published).
        const helpUrl = process.env.HELP_URL || `${this.baseUrl}help.html`;
        compilation.emitAsset("functions.json", new RawSource(JSON.stringify(buildMetadata(catalog, helpUrl), null, 2)));
        compilation.emitAsset("help.html", new RawSource(buildHelpPage(catalog)));
      });
    });
  }
}

/**
 * Emits chunk-groups.json: the script files of each entry and of each named chunk group (a
 * dynamic import's webpackChunkName, with every chunk webpack split off it). `npm run bench`
 * counts from it every file the pane loads before it is usable (see scripts/bench.ts), and the
 * browser test checks that these are the files the pane asks for.
 */
class ChunkGroupsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ChunkGroupsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ChunkGroupsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const groups = {};
        for (const [name, group] of compilation.namedChunkGroups) groups[name] = group.getFiles().filter((file) => file.endsWith(".js")).sort();
        compilation.emitAsset("chunk-groups.json", new compiler.webpack.sources.RawSource(JSON.stringify(groups, null, 2)));
      });
    });
  }
}

/**
 * The task pane's Content-Security-Policy: its own scripts, office.js from Microsoft's CDN (and
 * the Ajax library office.js loads beside it), inline styles (office.js injects them), and
 * connections to its own origin and to https data sources (a monitor package's URL, CBS). A dev
 * build also lets the pane reach local servers over http; CSP_CONNECT_EXTRA adds sources to a
 * production build (an intranet data server, or the browser test's local server).
 */
function contentSecurityPolicy(production) {
  const extra = (process.env.CSP_CONNECT_EXTRA || "").split(/\s+/).filter(Boolean);
  const connect = ["'self'", "https:", ...(production ? [] : ["http://localhost:*", "http://127.0.0.1:*"]), ...extra];
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "frame-src 'self' https://appsforoffice.microsoft.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

async function devServerOptions() {
  // Loaded only for `npm run dev-server`: trusted localhost certificates, as in the templates.
  const devCerts = require("office-addin-dev-certs");
  const https = await devCerts.getHttpsServerOptions();
  return { ca: https.ca, key: https.key, cert: https.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const baseUrl = production ? PROD_URL : DEV_URL;
  const only = env.only ? String(env.only).split(",") : null;
  const entries = {
    functions: "./src/functions/functions.ts",
    // The ribbon commands are registered by the task pane's page (shared runtime): no own bundle.
    taskpane: "./src/taskpane/taskpane.ts",
  };
  // The browser test's stand-in for office.js (test/e2e/fake-office.ts), built only when asked for.
  if (only && only.includes("fake-office")) entries["fake-office"] = "./test/e2e/fake-office.ts";
  const entry = Object.fromEntries(Object.entries(entries).filter(([name]) => !only || only.includes(name)));
  const has = (name) => name in entry;
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // Type checking is `npm run lint` (tsc --noEmit); the bundle build only transpiles.
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: !production } } } },
        // The shipped edition is embedded as rows, parsed at build time (no CSV parser in the bundles).
        { test: /\.csv$/, use: path.resolve(__dirname, "scripts/csv-rows-loader.js") },
      ],
      // exceljs's browser build is a finished bundle: include it as it is.
      noParse: /exceljs\.bare\.min\.js$/,
    },
    performance: { hints: false },
    plugins: [
      new FunctionsMetadataPlugin(baseUrl),
      new ChunkGroupsPlugin(),
      ...(has("taskpane")
        ? [new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", csp: contentSecurityPolicy(production), chunks: [...(has("functions") ? ["functions"] : []), "taskpane"], chunksSortMode: "manual" })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            noErrorOnMissing: true,
            // Every dev URL (and the bare origin of AppDomain) becomes the production one.
            transform: (content) => (production ? content.toString().split(DEV_URL.slice(0, -1)).join(PROD_URL.slice(0, -1)) : content),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await devServerOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
