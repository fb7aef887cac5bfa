#!/usr/bin/env node
// `nko-draft watch --serve` in a real browser: the open page shows a change of the YAML files
// by itself, within a few seconds.
//
//   node tests/a11y/watch.mjs BIN
//
// Copies the base fixture (tests/fixtures/valid/base) into a temporary folder, starts
// `BIN watch --serve 127.0.0.1:0` on it (the system picks the port; the watch prints it), opens
// the page in headless Debian Chromium (/usr/bin/chromium, or $CHROMIUM) through
// playwright-core, changes the title of a step in steps/training.yaml and waits for the page
// to show the new title without being touched. It also fails when the page logs an error (a
// Content-Security-Policy that blocks the reload script would), when the written page holds a
// script, and when Ctrl-C does not end the watch with exit code 0.
//
// Exit status: 0 pass, 1 fail, 2 usage or start-up error. The last line is "watch: 1 passed,
// 0 failed" or "watch: 0 passed, 1 failed".

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
const OLD = 'Онлайн-курсы для НКО сельских районов';
const NEW = 'Онлайн-курсы для НКО всех районов';
const SHOWN_WITHIN_MS = 5_000;
const START_MS = 60_000;

const bin = process.argv[2];
if (!bin) {
  console.error('usage: node tests/a11y/watch.mjs BIN');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const base = path.join(here, '..', 'fixtures', 'valid', 'base');
const tmp = mkdtempSync(path.join(tmpdir(), 'nko-draft-watch-'));
const root = path.join(tmp, 'programme');
cpSync(base, root, { recursive: true });

let child = null;
let browser = null;
let stderr = '';

class Failed extends Error {}

function fail(why) {
  console.error(`watch: FAIL: ${why}`);
  if (stderr) console.error(`--- nko-draft watch said:\n${stderr}`);
  throw new Failed(why);
}

// Resolves with the address once the watch says where it serves and has built once.
function start() {
  return new Promise((resolve, reject) => {
    child = spawn(path.resolve(bin), ['--lang', 'en', '-C', root, 'watch', '--serve', '127.0.0.1:0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const timer = setTimeout(() => reject(new Error(`no first build within ${START_MS} ms:\n${stderr}`)), START_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const addr = /serving the outputs at (http:\/\/[^\s]+)/.exec(stderr);
      if (addr && /rebuilt in \d+ ms/.test(stderr)) {
        clearTimeout(timer);
        resolve(addr[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`nko-draft watch ended with ${code}:\n${stderr}`)));
    child.on('error', reject);
  });
}

function stop() {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve(child ? child.exitCode : null);
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGINT');
  });
}

let passed = false;
try {
  let url;
  try {
    url = await start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  } catch (e) {
    console.error(`watch: cannot start: ${e.message}`);
    await stop();
    process.exit(2);
  }
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  const before = await page.textContent('body');
  if (!before.includes(OLD)) fail(`the page does not show «${OLD}»`);

  // Down the page, so that the reload is seen to keep the reader's place.
  await page.evaluate(() => window.scrollTo(0, 800));
  const file = path.join(root, 'steps', 'training.yaml');
  const yaml = readFileSync(file, 'utf8');
  if (!yaml.includes(OLD)) fail(`${file} holds no «${OLD}»`);
  const saved = Date.now();
  writeFileSync(file, yaml.replace(OLD, NEW));
  try {
    await page.waitForFunction((text) => document.body.textContent.includes(text), NEW, {
      timeout: SHOWN_WITHIN_MS,
      polling: 100,
    });
  } catch {
    fail(`the open page did not show «${NEW}» within ${SHOWN_WITHIN_MS} ms`);
  }
  console.log(`watch: the open page showed the new title ${Date.now() - saved} ms after the save`);
  try {
    await page.waitForFunction(() => window.scrollY >= 700, null, { timeout: 2_000, polling: 100 });
  } catch {
    fail(`the reloaded page is at ${await page.evaluate(() => window.scrollY)} px, not where the reader was`);
  }
  if (errors.length) fail(`the page logged errors:\n  ${errors.join('\n  ')}`);

  const written = readFileSync(path.join(root, 'out', 'programme.html'), 'utf8');
  if (!written.includes(NEW)) fail('the written page lacks the new title');
  if (written.includes('<script')) fail('the written page holds a script');
  const code = await stop();
  if (code !== 0) fail(`Ctrl-C ended the watch with ${code}, not 0`);
  passed = true;
} catch (e) {
  if (!(e instanceof Failed)) console.error(`watch: FAIL: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  await stop();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`watch: ${passed ? 1 : 0} passed, ${passed ? 0 : 1} failed`);
process.exit(passed ? 0 : 1);
