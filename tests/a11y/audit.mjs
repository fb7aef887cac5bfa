#!/usr/bin/env node
// Real-browser accessibility audit for nko-draft's self-contained HTML output.
//
//   node tests/a11y/audit.mjs [--screenshot DIR] [--verbose] FILE.html [FILE.html ...]
//
// For every file, at two viewports (desktop 1280x900, phone 390x844), this:
//   * opens the file in headless Debian Chromium (/usr/bin/chromium, or $CHROMIUM)
//     driven by playwright-core (playwright never downloads a browser here);
//   * runs axe-core with the wcag2a, wcag2aa, wcag21a, wcag21aa tags -> any violation FAILS;
//     best-practice rules are run too and reported as warnings only;
//   * records every request other than the page's own file (http(s), other file://,
//     websockets, ...) -> any such request FAILS (data: and blob: URLs are fine);
//     a static scan of resource-loading attributes and CSS url()s backs this up for
//     resources the browser did not fetch during the check (lazy images and the like);
//   * runs structural checks axe does not fully cover -> any failure FAILS:
//       - <html lang> present and non-empty
//       - exactly one <h1>
//       - heading levels never skip (the first heading is h1; h2 -> h4 is a skip)
//       - every <table> has a non-empty <caption>, is immediately preceded by a heading
//         (a wrapper whose first element is the table, e.g. a scroll <div>, is looked through),
//         or is named by its own aria-labelledby, whose elements exist and hold text
//       - every <th> has a valid scope (row, col, rowgroup, colgroup)
//       - skip link: the first element reached with Tab is an in-page link href="#id"
//         whose target exists, and it is visible while focused
//       - phone width: the page itself does not scroll horizontally (WCAG 1.4.10 reflow),
//         and no table scrolls sideways inside its container either (a narrow screen shows
//         each row as a block of labelled cells)
//       - phone width: the tables expose to assistive technology exactly what they expose at
//         desktop width (the roles and names of the browser's accessibility tree: a table
//         laid out as blocks still reads as a table, and no cell reads its label twice)
//       - no uncaught JavaScript error on the page
//   * with --screenshot DIR, writes full-page PNGs DIR/<name>-desktop.png and -phone.png.
//
// Exit status: 0 all files pass, 1 any file fails, 2 usage or browser start-up error.
// The last line is "a11y: N passed, M failed" (files).

import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_TAGS = [...WCAG_TAGS, 'best-practice'];
const NAV_TIMEOUT_MS = 60_000;
const SETTLE_MS = 300; // time given to late requests after load and after scrolling

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`audit.mjs: ${msg}`);
  console.error('usage: node tests/a11y/audit.mjs [--screenshot DIR] [--verbose] FILE.html [FILE.html ...]');
  process.exit(2);
}

const files = [];
let screenshotDir = null;
let verbose = false;
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshot') {
      if (i + 1 >= argv.length) usage('--screenshot needs a directory');
      screenshotDir = argv[++i];
    } else if (a.startsWith('--screenshot=')) {
      screenshotDir = a.slice('--screenshot='.length);
    } else if (a === '--verbose' || a === '-v') {
      verbose = true;
    } else if (a === '--help' || a === '-h') {
      usage();
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
}
if (files.length === 0) usage('no HTML file given');
for (const f of files) {
  if (!existsSync(f) || !statSync(f).isFile()) usage(`not a file: ${f}`);
}
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

// axe-core is evaluated from its source through the DevTools protocol: that is not a
// network request, and a strict Content-Security-Policy in the page cannot block it.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;
const PW_VERSION = require('playwright-core/package.json').version;

// ---------------------------------------------------------------- helpers

const clip = (s, n = 300) => {
  s = String(s ?? '').replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};
const fmtTarget = (t) => (Array.isArray(t) ? t.map(fmtTarget).join(' >> ') : String(t));

function isOwnFile(url, ownPath) {
  if (!url.startsWith('file:')) return false;
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return path.resolve(fileURLToPath(u)) === ownPath;
  } catch {
    return false;
  }
}
const isInline = (url) => /^(data|blob|about):/i.test(url);

// Problems are collected per file and merged across viewports by key, so that a
// problem seen at both widths is printed once, labelled "desktop, phone".
class Report {
  constructor() {
    this.items = new Map();
  }
  add(kind, key, viewport, build) {
    const k = `${kind}\u0000${key}`;
    let it = this.items.get(k);
    if (!it) {
      it = { kind, viewports: [], ...build() };
      this.items.set(k, it);
    }
    if (!it.viewports.includes(viewport)) it.viewports.push(viewport);
    return it;
  }
  list(kind) {
    return [...this.items.values()].filter((i) => i.kind === kind);
  }
}

// ---------------------------------------------------------------- in-page checks

// Runs in the page. Returns a list of { key, message, detail? }.
function structuralChecks() {
  const problems = [];
  const snippet = (el) => {
    const h = el.outerHTML.replace(/\s+/g, ' ');
    return h.length > 200 ? `${h.slice(0, 199)}…` : h;
  };
  const exposed = (el) => {
    if (el.closest('[aria-hidden="true"], [hidden], template')) return false;
    return typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ visibilityProperty: true })
      : el.getClientRects().length > 0;
  };
  const headingLevel = (el) => {
    const m = /^H([1-6])$/.exec(el.tagName);
    if (m) return Number(m[1]);
    if (el.getAttribute('role') === 'heading') {
      const l = parseInt(el.getAttribute('aria-level') || '2', 10);
      return Number.isFinite(l) && l > 0 ? l : 2;
    }
    return 0;
  };

  // <html lang>
  const lang = (document.documentElement.getAttribute('lang') || '').trim();
  if (!lang) problems.push({ key: 'html-lang', message: '<html> has no non-empty lang attribute' });

  // exactly one <h1>
  const h1s = [...document.querySelectorAll('h1, [role="heading"][aria-level="1"]')].filter(exposed);
  if (h1s.length !== 1) {
    problems.push({
      key: 'one-h1',
      message: `expected exactly one <h1>, found ${h1s.length}`,
      detail: h1s.map(snippet),
    });
  }

  // heading levels never skip
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(exposed);
  let prev = 0;
  for (const h of headings) {
    const lvl = headingLevel(h);
    if (lvl > prev + 1) {
      problems.push({
        key: `heading-skip:${prev}->${lvl}:${h.textContent.trim().slice(0, 80)}`,
        message: prev === 0
          ? `first heading is h${lvl}, not h1`
          : `heading level skips from h${prev} to h${lvl}`,
        detail: [snippet(h)],
      });
    }
    prev = lvl;
  }

  // tables: <caption>, an immediately preceding heading or aria-labelledby; every <th> has a scope
  const tables = [...document.querySelectorAll('table')].filter(
    (t) => !['presentation', 'none'].includes((t.getAttribute('role') || '').trim()),
  );
  tables.forEach((t, i) => {
    const cap = t.querySelector(':scope > caption');
    if (cap && cap.textContent.trim()) return;
    const by = (t.getAttribute('aria-labelledby') || '').trim().split(/\s+/).filter(Boolean);
    if (by.length && by.every((id) => (document.getElementById(id)?.textContent || '').trim())) return;
    // Look through wrappers that start with the table (e.g. <div class="scroll"><table>).
    let n = t;
    while (!n.previousElementSibling && n.parentElement && n.parentElement !== document.body) {
      n = n.parentElement;
    }
    const prevEl = n.previousElementSibling;
    if (prevEl && headingLevel(prevEl) > 0) return;
    problems.push({
      key: `table-caption:${i}`,
      message: `table #${i + 1} has neither a non-empty <caption>, nor an immediately preceding heading, nor aria-labelledby naming it`,
      detail: [snippet(t)],
    });
  });
  const VALID_SCOPES = ['row', 'col', 'rowgroup', 'colgroup'];
  const badTh = [...document.querySelectorAll('th')].filter(
    (th) => !VALID_SCOPES.includes((th.getAttribute('scope') || '').trim().toLowerCase()),
  );
  if (badTh.length) {
    problems.push({
      key: 'th-scope',
      message: `${badTh.length} <th> element(s) without a valid scope (row|col|rowgroup|colgroup)`,
      detail: badTh.slice(0, 10).map(snippet).concat(badTh.length > 10 ? [`… and ${badTh.length - 10} more`] : []),
    });
  }

  // external resources referenced by the DOM or CSS (backs up the request log for
  // resources the browser did not fetch while we looked, e.g. lazy images)
  const external = new Set();
  const own = location.href.split('#')[0];
  const consider = (raw, where) => {
    if (!raw) return;
    raw = raw.trim();
    if (!raw || raw.startsWith('#')) return;
    let u;
    try { u = new URL(raw, document.baseURI); } catch { return; }
    if (/^(data|blob|about|javascript):$/.test(u.protocol)) return;
    const noHash = u.href.split('#')[0];
    if (noHash === own) return;
    external.add(`${where}: ${u.href}`);
  };
  const srcsetUrls = (v) => (v || '').split(',').map((p) => p.trim().split(/\s+/)[0]).filter(Boolean);
  for (const el of document.querySelectorAll('[src]')) consider(el.getAttribute('src'), `<${el.localName} src>`);
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const s of srcsetUrls(el.getAttribute('srcset'))) consider(s, `<${el.localName} srcset>`);
  }
  for (const el of document.querySelectorAll('[poster]')) consider(el.getAttribute('poster'), `<${el.localName} poster>`);
  for (const el of document.querySelectorAll('object[data]')) consider(el.getAttribute('data'), '<object data>');
  for (const el of document.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') || '').toLowerCase();
    // links that fetch something (canonical/alternate/etc. are just metadata)
    if (/\b(stylesheet|icon|preload|prefetch|modulepreload|manifest|apple-touch-icon|mask-icon|import)\b/.test(rel)) {
      consider(el.getAttribute('href'), `<link rel=${rel}>`);
    }
  }
  for (const el of document.querySelectorAll('image, feImage, use')) {
    consider(el.getAttribute('href') || el.getAttribute('xlink:href'), `<${el.localName} href>`);
  }
  const cssUrl = /url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/g;
  const scanCss = (text, where) => {
    for (const m of text.matchAll(cssUrl)) consider(m[2] ?? m[4], where);
  };
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch { continue; }
    for (const r of rules) scanCss(r.cssText, 'CSS');
  }
  for (const el of document.querySelectorAll('[style]')) scanCss(el.getAttribute('style'), `<${el.localName} style>`);
  if (external.size) {
    problems.push({
      key: 'external-refs',
      message: `${external.size} external resource reference(s) in the document (must be self-contained)`,
      detail: [...external].slice(0, 20),
    });
  }
  return problems;
}

// Runs in the page after one Tab press from a freshly loaded page.
function skipLinkCheck() {
  const el = document.activeElement;
  const snippet = (e) => {
    const h = e.outerHTML.replace(/\s+/g, ' ');
    return h.length > 200 ? `${h.slice(0, 199)}…` : h;
  };
  if (!el || el === document.body || el === document.documentElement) {
    return { key: 'skip-link', message: 'no skip link: Tab reaches no focusable element' };
  }
  const href = el.localName === 'a' ? el.getAttribute('href') || '' : '';
  if (!href.startsWith('#') || href.length < 2) {
    return {
      key: 'skip-link',
      message: 'no skip link: the first focusable element is not an in-page link href="#..."',
      detail: [snippet(el)],
    };
  }
  let id = href.slice(1);
  try { id = decodeURIComponent(id); } catch { /* keep raw */ }
  const target = document.getElementById(id) || document.getElementsByName(id)[0];
  if (!target) {
    return {
      key: 'skip-link',
      message: `skip link target "${href}" does not exist`,
      detail: [snippet(el)],
    };
  }
  const r = el.getBoundingClientRect();
  const onScreen = r.width >= 8 && r.height >= 8 && r.right > 0 && r.bottom > 0
    && r.left < window.innerWidth && r.top < window.innerHeight;
  if (!onScreen) {
    return {
      key: 'skip-link-visible',
      message: `skip link is not visible while focused (box ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)})`,
      detail: [snippet(el)],
    };
  }
  return null;
}

function reflowCheck() {
  // The layout viewport width: on a mobile viewport Chromium zooms out to fit wide
  // content, so window.innerWidth would grow with the overflow and hide it.
  const vw = document.documentElement.clientWidth;
  const se = document.scrollingElement || document.documentElement;
  if (se.scrollWidth - vw <= 1) return null;
  // name the outermost elements that stick out, to help whoever fixes it
  const offenders = [...document.body.querySelectorAll('*')]
    .map((e) => [e, e.getBoundingClientRect()])
    .filter(([, r]) => r.right > vw + 1)
    .filter(([e]) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= vw + 1)
    .slice(0, 5)
    .map(([e, r]) => `${Math.round(r.right)}px: ${e.outerHTML.replace(/\s+/g, ' ').slice(0, 160)}`);
  return {
    key: 'reflow',
    message: `page scrolls horizontally at ${vw}px wide (content is ${se.scrollWidth}px wide; WCAG 1.4.10 reflow)`,
    detail: offenders,
  };
}

// Runs in the page at phone width: tables that scroll sideways inside their container.
function tableScrollCheck() {
  const wide = [...document.querySelectorAll('table')]
    .map((t) => [t, t.parentElement])
    .filter(([t, box]) => box && box !== document.body && box.scrollWidth - box.clientWidth > 1
      && getComputedStyle(box).overflowX !== 'visible' && box.contains(t))
    .map(([t, box]) => `${box.scrollWidth}px in ${box.clientWidth}px: ${(t.querySelector('caption')?.textContent
      || t.querySelector('th')?.textContent || '').trim().slice(0, 80)}`);
  if (!wide.length) return null;
  return {
    key: 'table-scroll',
    message: `${wide.length} table(s) scroll sideways at ${document.documentElement.clientWidth}px wide`,
    detail: wide.slice(0, 10),
  };
}

// The tables as the browser's accessibility tree exposes them: the role and name of every
// node of a table, in tree order.
const TABLE_ROLES = new Set([
  'table', 'grid', 'treegrid', 'rowgroup', 'row', 'cell', 'gridcell', 'columnheader', 'rowheader',
  'caption', 'LayoutTable', 'LayoutTableRow', 'LayoutTableCell',
]);
async function tableSemantics(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored && TABLE_ROLES.has(n.role?.value))
      .map((n) => `${n.role.value} "${clip(n.name?.value ?? '', 120)}"`);
  } finally {
    await cdp.detach();
  }
}

// Compares the tables' accessibility at phone width with desktop width.
function compareSemantics(desktop, phone) {
  if (!desktop || !phone) return null;
  const n = Math.max(desktop.length, phone.length);
  for (let i = 0; i < n; i++) {
    if (desktop[i] !== phone[i]) {
      return {
        key: 'table-semantics',
        message: 'at phone width the tables read differently to assistive technology than at desktop width',
        detail: [
          `node ${i + 1} of ${desktop.length} (desktop) / ${phone.length} (phone)`,
          `desktop: ${desktop[i] ?? '(none)'}`,
          `phone:   ${phone[i] ?? '(none)'}`,
        ],
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------- one file

async function auditFile(browser, file) {
  const abs = path.resolve(file);
  const url = pathToFileURL(abs).href;
  const report = new Report();
  const stats = [];
  const semantics = {};

  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      deviceScaleFactor: vp.deviceScaleFactor ?? 1,
      isMobile: vp.isMobile ?? false,
      hasTouch: vp.hasTouch ?? false,
      serviceWorkers: 'block',
      locale: 'ru-RU',
    });
    const forbidden = (reqUrl, how) => {
      report.add('network', reqUrl, vp.name, () => ({ url: reqUrl, how }));
    };
    // Every request goes through the route: the page's own file continues,
    // anything else is recorded and aborted (the machine is offline anyway).
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (isOwnFile(u, abs) || isInline(u)) return route.continue();
      forbidden(u, `${route.request().resourceType()} (route)`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    // The request event also sees what the route layer may not (e.g. file:// subresources).
    page.on('request', (req) => {
      const u = req.url();
      if (!isOwnFile(u, abs) && !isInline(u)) forbidden(u, req.resourceType());
    });
    page.on('websocket', (ws) => forbidden(ws.url(), 'websocket'));
    page.on('pageerror', (err) => {
      report.add('check', `pageerror:${err.message}`, vp.name, () => ({
        message: `uncaught JavaScript error: ${clip(err.message, 200)}`,
        detail: [],
      }));
    });
    page.on('popup', (p) => forbidden(p.url() || '(popup)', 'popup'));

    const resp = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (resp && !resp.ok() && resp.status() !== 0) {
      report.add('check', 'load', vp.name, () => ({ message: `page load status ${resp.status()}`, detail: [] }));
    }
    await page.evaluate(() => document.fonts && document.fonts.ready.then(() => undefined));
    // Scroll through the page so lazy resources would be requested, then come back.
    await page.evaluate(async () => {
      const se = document.scrollingElement || document.documentElement;
      for (let y = 0; y < se.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(SETTLE_MS);

    if (screenshotDir) {
      const base = path.basename(abs).replace(/\.x?html?$/i, '');
      const out = path.join(screenshotDir, `${base}-${vp.name}.png`);
      await page.screenshot({ path: out, fullPage: true });
      console.log(`  screenshot: ${out}`);
    }

    // axe-core
    await page.evaluate(AXE_SOURCE);
    const axe = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      });
      const slim = (list) => list.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          summary: n.failureSummary || '',
        })),
      }));
      return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
    }, AXE_TAGS);
    for (const v of axe.violations) {
      const isWcag = v.tags.some((t) => WCAG_TAGS.includes(t));
      const kind = isWcag ? 'axe' : 'axe-warn';
      const it = report.add(kind, v.id, vp.name, () => ({ ...v, nodeMap: new Map() }));
      for (const n of v.nodes) {
        const key = fmtTarget(n.target);
        const seen = it.nodeMap.get(key);
        if (seen) {
          if (!seen.viewports.includes(vp.name)) seen.viewports.push(vp.name);
        } else {
          it.nodeMap.set(key, { ...n, viewports: [vp.name] });
        }
      }
    }
    for (const v of axe.incomplete) {
      report.add('axe-review', v.id, vp.name, () => ({ ...v }));
    }

    // structural checks
    const structural = await page.evaluate(structuralChecks);
    // skip link: Tab from a freshly focused document
    await page.evaluate(() => {
      if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(skipLinkCheck);
    const reflow = vp.name === 'phone' ? await page.evaluate(reflowCheck) : null;
    const scroll = vp.name === 'phone' ? await page.evaluate(tableScrollCheck) : null;
    semantics[vp.name] = await tableSemantics(context, page);
    const reads = vp.name === 'phone' ? compareSemantics(semantics.desktop, semantics.phone) : null;
    for (const p of [...structural, skip, reflow, scroll, reads].filter(Boolean)) {
      report.add('check', p.key, vp.name, () => ({ message: p.message, detail: p.detail || [] }));
    }

    const nWcag = axe.violations.filter((v) => v.tags.some((t) => WCAG_TAGS.includes(t))).length;
    stats.push(`${vp.name} ${vp.width}x${vp.height}: axe ${nWcag} WCAG rule(s) violated, `
      + `${axe.violations.length - nWcag} best-practice rule(s) violated, ${axe.incomplete.length} to review`);
    await context.close();
  }
  return { report, stats };
}

// ---------------------------------------------------------------- output

function printReport(file, { report, stats }) {
  const axeErr = report.list('axe');
  const axeWarn = report.list('axe-warn');
  const review = report.list('axe-review');
  const net = report.list('network');
  const checks = report.list('check');
  const failures = axeErr.length + net.length + checks.length;
  const vps = (it) => `[${it.viewports.join(', ')}]`;

  console.log(`\n== ${file}`);
  for (const s of stats) console.log(`  ${s}`);

  const printAxe = (list, label) => {
    for (const v of list) {
      console.log(`  ${label} axe ${v.id} (${v.impact ?? 'n/a'}) ${vps(v)}: ${v.help}`);
      console.log(`      ${v.helpUrl}`);
      for (const n of v.nodeMap.values()) {
        const only = n.viewports.length < v.viewports.length ? ` [${n.viewports.join(', ')}]` : '';
        console.log(`      - target: ${fmtTarget(n.target)}${only}`);
        console.log(`        html:   ${clip(n.html)}`);
        if (n.summary) {
          for (const line of n.summary.split('\n').filter((l) => l.trim())) {
            console.log(`        ${clip(line, 240)}`);
          }
        }
      }
    }
  };
  printAxe(axeErr, 'FAIL');
  for (const n of net) console.log(`  FAIL network ${vps(n)}: ${n.how} request to ${n.url}`);
  for (const c of checks) {
    console.log(`  FAIL check ${vps(c)}: ${c.message}`);
    for (const d of c.detail || []) console.log(`      - ${clip(d)}`);
  }
  printAxe(axeWarn, 'WARN');
  if (review.length) {
    console.log(`  note: axe could not decide (review by hand): ${review.map((r) => `${r.id} (${r.nodes.length})`).join(', ')}`);
    if (verbose) {
      for (const r of review) {
        for (const n of r.nodes) console.log(`      - ${r.id}: ${fmtTarget(n.target)}  ${clip(n.summary, 200)}`);
      }
    }
  }
  console.log(failures ? `  => FAIL (${failures} problem(s))` : `  => PASS${axeWarn.length ? ` (${axeWarn.length} best-practice warning(s))` : ''}`);
  return failures === 0;
}

// ---------------------------------------------------------------- main

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
} catch (err) {
  console.error(`audit.mjs: cannot start Chromium at ${CHROMIUM}: ${err.message}`);
  process.exit(2);
}
console.log(`a11y audit: Chromium ${browser.version()}, playwright-core ${PW_VERSION}, axe-core ${AXE_VERSION}; tags ${WCAG_TAGS.join(', ')} (+ best-practice as warnings)`);

let passed = 0;
let failed = 0;
try {
  for (const f of files) {
    let ok = false;
    try {
      ok = printReport(f, await auditFile(browser, f));
    } catch (err) {
      console.log(`\n== ${f}\n  FAIL audit error: ${err.stack || err}`);
    }
    if (ok) passed++;
    else failed++;
  }
} finally {
  await browser.close();
}
console.log(`\na11y: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
