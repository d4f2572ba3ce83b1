// Lighthouse on several pages in one Chrome: `node tests/lighthouse.mjs mobile|desktop
// CATEGORIES AUDITS URL...` (the lists comma-separated: the categories scored, and other
// audits wanted besides) prints {url: Lighthouse's report} as JSON. One process and one
// browser for all the pages (a new `lighthouse` command per page spends most of its time
// starting up).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [formFactor, categories, audits, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: JSON.parse(process.env.LIGHTHOUSE_CHROME_FLAGS),
});
const reports = {};
try {
  for (const url of urls) {
    // bf-cache weighs nothing in any score and costs a navigation away and back per page.
    const flags = {port: chrome.port, output: "json", logLevel: "error",
                   onlyCategories: categories.split(","), onlyAudits: audits.split(",").filter(Boolean),
                   disableFullPageScreenshot: true, skipAudits: ["bf-cache"]};
    const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
    reports[url] = result.lhr;
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(reports));
