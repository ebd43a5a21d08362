// Measures the HTML reports in Debian's Chromium at desktop and phone widths (WCAG 1.4.10
// Reflow, and issue 17): nothing but a scroll container (.table-scroll, .chart-image) may be
// wider than the page; a table wider than its container must show the scroll cue; a period label
// ("2013-H1") stays on one line; every chart text is at least 12 CSS px as rendered and clear of
// every other chart text, marker, swatch and bar.
// Exit 0: all pass; 1: failures (each printed); 77: no Chromium (a CTest skip).
// Usage: node reflow_check.js [--screenshots DIR] FILE_OR_FOLDER...
'use strict';
const fs = require('fs');
const path = require('path');

const chromium_path = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium_path)) {
  console.log(`SKIP: ${
      chromium_path} not found; install Debian's chromium package to run the reflow check`);
  process.exit(77);
}
const {chromium} = require('playwright-core');

function html_files(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) return target.endsWith('.html') ? [target] : [];
  return fs.readdirSync(target)
      .filter((n) => n !== 'previous')
      .sort()
      .flatMap((n) => html_files(path.join(target, n)));
}

// Runs in the page: every problem found at this viewport, as text.
function measure() {
  const problems = [];
  const page_width = document.documentElement.clientWidth;
  const name = (el) => {
    const id = el.id || (el.closest('[id]') || {}).id || '';
    return `${el.tagName.toLowerCase()}${id ? '#' + id : ''}`;
  };
  if (document.documentElement.scrollWidth > page_width + 1)
    problems.push(`the page scrolls sideways: ${
        document.documentElement.scrollWidth} px content in ${page_width} px`);
  const scrollers = [...document.querySelectorAll('.table-scroll, .chart-image')];
  const inside_scroller = (el) => scrollers.some((s) => s !== el && s.contains(el));
  // Anything outside a scroll container that reaches past the right edge of the page.
  for (const el of document.body.querySelectorAll('*')) {
    if (inside_scroller(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > page_width + 1) {
      problems.push(`${name(el)} reaches ${Math.round(r.right)} px in a ${page_width} px page`);
      break;
    }
  }
  for (const box of document.querySelectorAll('.table-scroll')) {
    const table = box.querySelector('table');
    if (!table) continue;
    const overflows = table.getBoundingClientRect().width > box.clientWidth + 1;
    // The cue: the container marks itself scrollable (a shadow at the edge and the hint).
    const cue = getComputedStyle(box).backgroundImage !== 'none';
    if (overflows && !cue)
      problems.push(`${name(box)}: table wider than its box with no scroll cue`);
    if (overflows && box.scrollWidth <= box.clientWidth)
      problems.push(`${name(box)}: table cut off, not scrollable`);
  }
  // Period labels ("2013-H1"), in tables and charts, are never broken across lines.
  for (const el of document.querySelectorAll('th, td')) {
    if (!/^\s*\d{4}-H[12]\s*$/.test(el.textContent)) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (lines.size > 1) problems.push(`${name(el)}: "${el.textContent.trim()}" wraps`);
  }
  let smallest = Infinity;
  let where = '';
  const squeezed = new Set();
  for (const text of document.querySelectorAll('svg text')) {
    if (text.getClientRects().length === 0) continue;  // in a hidden chart variant
    const rendered = text.getBoundingClientRect();
    if (rendered.width === 0) continue;
    const svg = text.ownerSVGElement;
    // The font size in CSS px as shown: the size in user units times the SVG's scale.
    const matrix = text.getScreenCTM();
    const scale = Math.hypot(matrix.a, matrix.b);
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < smallest) {
      smallest = size;
      where = `${name(svg.closest('figure') || svg)} "${text.textContent}"`;
    }
    if (text.getAttribute('lengthAdjust') === 'spacingAndGlyphs' && !squeezed.has(svg)) {
      squeezed.add(svg);
      problems.push(
          `${name(svg)}: "${text.textContent}" (and perhaps more) squeezed with lengthAdjust`);
    }
  }
  // Chart text as the browser set it, in its own font (a substitute when Lato is not
  // installed): no label on another label, a marker, a legend swatch or a bar.
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.ownerSVGElement || svg.getClientRects().length === 0) continue;  // nested / hidden
    const area = svg.getBoundingClientRect();
    if (area.width === 0 || area.height === 0) continue;
    const boxes = (selector) => [...svg.querySelectorAll(selector)]
                                    .map((el) => ({el, r: el.getBoundingClientRect()}))
                                    .filter(({r}) => r.width > 0 && r.height > 0);
    const texts = boxes('text');
    // Marks: markers, swatches and bars; not a background as large as the plot, nor the
    // white halo a scatter label has behind it.
    const white = (el) => /^(#fff(fff)?|white)$/i.test(el.getAttribute('fill') || '');
    const marks = boxes('circle, polygon, rect')
                      .filter(
                          ({el, r}) => !(el.tagName === 'rect' && white(el)) &&
                              r.width * r.height < area.width * area.height * 0.2);
    // More than a pixel into each other both ways (touching edges are fine).
    const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const where = name(svg.closest('figure') || svg);
    const found = [];
    for (let i = 0; i < texts.length; ++i) {
      for (let j = i + 1; j < texts.length; ++j)
        if (overlap(texts[i].r, texts[j].r))
          found.push(`"${texts[i].el.textContent}" overlaps "${texts[j].el.textContent}"`);
      for (const m of marks)
        if (overlap(texts[i].r, m.r))
          found.push(`"${texts[i].el.textContent}" covers a ${m.el.tagName} at (${
              Math.round(m.r.left - area.left)}, ${Math.round(m.r.top - area.top)})`);
    }
    // The first few per chart are enough to see what is wrong.
    for (const f of found.slice(0, 3)) problems.push(`${where}: ${f}`);
    if (found.length > 3) problems.push(`${where}: … ${found.length - 3} more overlaps`);
  }
  if (smallest < 12 - 0.01)
    problems.push(`chart text ${smallest.toFixed(1)} px (under 12): ${where}`);
  return {problems, smallest: smallest === Infinity ? null : smallest};
}

(async () => {
  const args = process.argv.slice(2);
  let shots = null;
  if (args[0] === '--screenshots') {
    shots = args[1];
    args.splice(0, 2);
    fs.mkdirSync(shots, {recursive: true});
  }
  const files = args.flatMap(html_files);
  if (files.length === 0) {
    console.error('reflow_check: no HTML files given');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: chromium_path,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'
    ],
  });
  let failures = 0;
  try {
    for (const width of [1280, 390, 320]) {
      const page = await browser.newPage({viewport: {width, height: 900}});
      for (const file of files) {
        await page.goto('file://' + path.resolve(file));
        const {problems, smallest} = await page.evaluate(measure);
        failures += problems.length;
        for (const p of problems) console.log(`${file} (${width} px): ${p}`);
        if (smallest !== null)
          console.log(`${path.basename(file)} (${width} px): smallest chart text ${
              smallest.toFixed(1)} px`);
        if (shots) {
          const base = path.basename(file, '.html');
          await page.screenshot({path: path.join(shots, `${base}-${width}.png`), fullPage: true});
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(
      `reflow: ${files.length} pages checked at 1280, 390 and 320 px, ${failures} problems`);
  process.exit(failures === 0 ? 0 : 1);
})().catch((e) => {
  console.error('reflow_check: ' + e.message);
  process.exit(2);
});
