// Runs axe-core (WCAG 2.1 A and AA rules) in Debian's Chromium against HTML files and prints
// every violation. Exit 0: none; 1: violations; 77: no Chromium here (CTest reports a skip).
// Usage: node axe_check.js FILE_OR_FOLDER...
'use strict';
const fs = require('fs');
const path = require('path');

const chromium_path = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium_path)) {
  console.log(`SKIP: ${chromium_path} not found; install Debian's chromium package to run the accessibility check`);
  process.exit(77);
}
const { chromium } = require('playwright-core');
const axe_source = require.resolve('axe-core/axe.min.js');

function html_files(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) return target.endsWith('.html') ? [target] : [];
  return fs.readdirSync(target).filter((n) => n !== 'previous').sort()
    .flatMap((n) => html_files(path.join(target, n)));
}

(async () => {
  const files = process.argv.slice(2).flatMap(html_files);
  if (files.length === 0) {
    console.error('axe_check: no HTML files given');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: chromium_path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  let violations = 0;
  try {
    // Desktop and phone widths: the layout changes, so contrast and structure are checked in both.
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const page = await browser.newPage({ viewport });
      for (const file of files) {
        await page.goto('file://' + path.resolve(file));
        await page.addScriptTag({ path: axe_source });
        const result = await page.evaluate(async () => await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }));
        for (const v of result.violations) {
          violations += v.nodes.length;
          console.log(`${file} (${viewport.width}px): ${v.id} [${v.impact}] ${v.help}`);
          for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary.split('\n').join(' ')}`);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} pages checked at 2 widths, ${violations} violations`);
  process.exit(violations === 0 ? 0 : 1);
})().catch((e) => {
  console.error('axe_check: ' + e.message);
  process.exit(2);
});
