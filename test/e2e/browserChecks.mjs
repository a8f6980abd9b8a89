// Browser-level checks against code-server: what a writer sees and does.
// Each check leaves a screenshot under the output folder, pass or fail.
/* global document, NodeFilter -- used inside page.evaluate, which runs in the browser */
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';

const STEP_TIMEOUT_MS = 60_000;
const isMac = process.platform === 'darwin';

/** Codes whose default severity puts them in the Problems panel (hints are not listed there). */
const PROBLEM_CODES = [
  'unknown-source', 'quote-not-found', 'quote-altered', 'quote-wrong-source', 'quote-misattributed',
  'number-mismatch', 'claim-unsupported', 'uncited-quote', 'role-mismatch', 'malformed-citation',
];

/** Text of an element with non-breaking spaces (Monaco renders spaces so) made plain. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

/** Polls `probe` (async, returns a value or undefined) until it gives a value. */
async function until(what, probe, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(150);
  }
}

/** Runs a command by its palette title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.press('Enter');
}

/** Opens a workspace file with Quick Open. */
async function openFile(page, name) {
  await page.keyboard.press(isMac ? 'Meta+P' : 'Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Screen rectangle of the first occurrence of `phrase` in the active editor's rendered lines. */
async function rectOfText(page, phrase, offsetInPhrase, length) {
  return page.evaluate(
    ({ phrase, offsetInPhrase, length }) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      if (!editor) return null;
      for (const line of editor.querySelectorAll('.view-line')) {
        const text = line.textContent.replace(/\u00a0/g, ' ');
        const at = text.indexOf(phrase);
        if (at < 0) continue;
        // Walk the line's text nodes to the character offset of the word.
        const target = at + offsetInPhrase;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent.length;
          if (target < seen + size) {
            const range = document.createRange();
            range.setStart(node, target - seen);
            range.setEnd(node, Math.min(size, target - seen + length));
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          seen += size;
        }
      }
      return null;
    },
    { phrase, offsetInPhrase, length },
  );
}

const checks = [
  {
    name: '01-draft',
    title: 'opens the draft; the status bar shows the indexed sources',
    async run(page) {
      await page.keyboard.press('Escape');
      await openFile(page, 'draft.md');
      const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
      await until('the draft text in the editor', async () => ((await textOf(lines)).includes("Port Aldren's arena") ? true : undefined));
      const statusBar = page.locator('.part.statusbar');
      await until('"Dossier: 3 sources" in the status bar', async () => ((await textOf(statusBar)).includes('Dossier: 3 sources') ? true : undefined));
    },
  },
  {
    name: '02-hover',
    title: 'hovering "Berg" shows the role and the source',
    async run(page) {
      const phrase = 'Berg said [@berg-inspection].';
      const rect = await until('"Berg" rendered in the editor', () => rectOfText(page, phrase, 0, 4).then((r) => r ?? undefined));
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      const text = await until('a hover with the role of Berg', async () => {
        await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
        await hover.waitFor({ state: 'visible', timeout: 2000 });
        const t = await textOf(hover);
        return /deputy secretary general/i.test(t) ? t : undefined;
      });
      if (!text.includes('berg-inspection')) throw new Error(`the hover does not name the source berg-inspection:\n${text}`);
    },
  },
  {
    name: '03-problems',
    title: 'the Problems panel lists the draft’s diagnostics',
    async run(page) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.keyboard.press(isMac ? 'Meta+Shift+M' : 'Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      // The list is virtual: only rows on screen exist in the page, so give the panel the whole window.
      await runCommand(page, 'View: Toggle Maximized Panel');
      const text = await until('every problem code in the Problems panel', async () => {
        const t = await textOf(panel);
        return PROBLEM_CODES.every((code) => t.includes(code)) ? t : undefined;
      });
      if (!text.includes('draft.md')) throw new Error('the Problems panel does not name draft.md');
    },
    // After the screenshot: give the editor its room back.
    after: (page) => runCommand(page, 'View: Toggle Maximized Panel'),
  },
  {
    name: '04-search',
    title: '"Dossier: Search Sources" finds a passage as you type and previews it',
    async run(page) {
      await openFile(page, 'draft.md');
      // A known cursor for the citation the next check inserts: the end of the draft's last sentence.
      await page.keyboard.press(isMac ? 'Meta+End' : 'Control+End');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await runCommand(page, 'Dossier: Search Sources');
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'Dossier: Search Sources' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.keyboard.type('cranes', { delay: 40 });
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Dock workers walk out' }).first();
      await row.waitFor({ timeout: STEP_TIMEOUT_MS });
      const rowText = await textOf(row);
      if (!rowText.includes('@dock-strike')) throw new Error(`the result does not show the key: ${rowText}`);
      if (!/When the cranes go/i.test(rowText)) throw new Error(`the result does not show the snippet: ${rowText}`);
      // The QuickPick highlights the typed word inside the snippet.
      const highlighted = await row.locator('.highlight').allInnerTexts();
      if (!highlighted.some((h) => /cranes/i.test(h))) throw new Error(`"cranes" is not highlighted in the result (highlights: ${highlighted.join(', ') || 'none'})`);
      // Moving to a result previews its source beside the draft.
      await page.locator('.tab', { hasText: 'dock-strike.txt' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    },
  },
  {
    name: '05-insert-citation',
    title: 'the result’s "Insert citation" button inserts [@dock-strike, para 3] after the draft’s last sentence',
    async run(page) {
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Dock workers walk out' }).first();
      await row.hover();
      await row.locator('.action-label[aria-label="Insert citation"], .action-label[title="Insert citation"]').first().click();
      const lines = page.locator('.editor-group-container .monaco-editor .view-lines');
      await until('the inserted citation in the draft', async () => {
        for (const l of await lines.all()) if ((await textOf(l)).includes('[@dock-strike, para 3]')) return true;
        return undefined;
      });
    },
  },
];

/** Runs every check on a page showing the example workspace; returns their outcomes. */
export async function browserChecks(page, outputDir) {
  const results = [];
  for (const check of checks) {
    const started = Date.now();
    try {
      await check.run(page);
      await page.screenshot({ path: path.join(outputDir, `${check.name}.png`) });
      await check.after?.(page);
      results.push({ title: check.title, state: 'passed', durationMs: Date.now() - started });
      console.log(`  ✓ ${check.title}`);
    } catch (error) {
      await page.screenshot({ path: path.join(outputDir, `${check.name}-failed.png`) }).catch(() => undefined);
      results.push({ title: check.title, state: 'failed', error: error instanceof Error ? error.message : String(error) });
      console.log(`  ✗ ${check.title}\n      ${error instanceof Error ? error.message : error}`);
    }
  }
  return results;
}
