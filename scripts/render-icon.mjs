#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, transparent corners) with
// Debian's headless Chromium through playwright-core, the browser the e2e suite
// uses. Run after changing the SVG:  node scripts/render-icon.mjs
// Also writes test-results/icons.png: both icons on light and dark backgrounds at
// the sizes VS Code shows them, to look at.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.DDD_E2E_CHROMIUM || '/usr/bin/chromium';

const icon = await readFile(path.join(ROOT, 'media/icon.svg'), 'utf8');
const file = await readFile(path.join(ROOT, 'media/ddd-file.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${icon}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'media/icon.png'), omitBackground: true });

  const preview = await browser.newPage({ viewport: { width: 560, height: 200 }, deviceScaleFactor: 2 });
  const data = (svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const cell = (bg) => `<div style="background:${bg};padding:16px;display:flex;gap:16px;align-items:center">
    <img src="${data(icon)}" width="128"><img src="${data(icon)}" width="48"><img src="${data(icon)}" width="24">
    <img src="${data(file)}" width="16"><img src="${data(file)}" width="32"></div>`;
  await preview.setContent(`<body style="margin:0">${cell('#ffffff')}${cell('#1e1e1e')}</body>`);
  await mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  await preview.screenshot({ path: path.join(ROOT, 'test-results/icons.png'), fullPage: true });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png and test-results/icons.png');
