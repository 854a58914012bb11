// Plays the user in a real browser: opens the authorize URL in Debian's Chromium (headless,
// driven by playwright-core), optionally tries a wrong password first, logs in and clicks
// Agree, or clicks Cancel, then waits for the redirect to spotc's loopback listener.
// Prints one JSON line: {"final": URL, "text": the landing page's text, "alert": the
// wrong-password message, "scopes": the consent list}.
//
// usage: node login.mjs AUTHORIZE_URL agree|cancel [USER PASSWORD [WRONG_PASSWORD_FIRST]]
// SPOTC_E2E_MODULES: the directory whose node_modules holds playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(join(process.env.SPOTC_E2E_MODULES, 'node_modules', 'index.js'));
const { chromium } = require('playwright-core');

const [url, action, user, password, wrongFirst] = process.argv.slice(2);
if (!url || !['agree', 'cancel'].includes(action)) {
  console.error('usage: node login.mjs AUTHORIZE_URL agree|cancel [USER PASSWORD [1]]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'spotc-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = {};
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(url);
  result.scopes = (await page.locator('ul.scopes').innerText()).trim();
  const agree = page.getByRole('button', { name: 'Agree', exact: true });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await agree.waitFor();
  await cancel.waitFor();
  if (wrongFirst) {
    await page.getByLabel('Username').fill(user);
    await page.getByLabel('Password').fill(`${password}-wrong`);
    await agree.click();
    result.alert = (await page.getByRole('alert').innerText()).trim();
  }
  if (action === 'agree') {
    await page.getByLabel('Username').fill(user);
    await page.getByLabel('Password').fill(password);
    await agree.click();
  } else {
    await cancel.click();
  }
  // The accounts page redirects to spotc's listener, which answers with a short page.
  await page.waitForURL(u => u.pathname === '/callback');
  await page.waitForLoadState('load');
  result.final = page.url();
  result.text = (await page.locator('body').innerText()).trim();
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
