import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_PATH = process.env['LUNORA_CHROMIUM'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set LUNORA_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Everything that should never happen on a console page: console errors, uncaught
 * exceptions, CSP violations (reported by the page itself through an init script, and by
 * Chromium as console errors), failed requests and HTTP errors.
 */
export class PageProblems {
  readonly problems: string[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console.error: ${message.text()}`);
      if (message.type() === 'warning' && /Content Security Policy|Refused to/i.test(message.text())) {
        this.problems.push(`console.warning: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      this.problems.push(
        `request failed: ${request.url().replace(/token=[^&#]+/, 'token=…')} (${request.failure()?.errorText ?? '?'})`,
      );
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  }

  /** CSP violations the page saw (the init script below records them). */
  async collectCsp(page: Page): Promise<void> {
    if (page.isClosed()) return;
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    for (const violation of violations) this.problems.push(`CSP violation: ${violation}`);
  }

  take(): string[] {
    return this.problems.splice(0);
  }
}

/** Runs before any page script; the CSP does not apply to it (it is injected by the browser). */
const CSP_RECORDER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + (event.sample ? ' (' + event.sample + ')' : ''));
  });
`;

export async function newWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: 'dark',
    reducedMotion: 'reduce',
  });
  await context.addInitScript({ content: CSP_RECORDER });
  const page = await context.newPage();
  const problems = new PageProblems();
  problems.watch(page);
  return { context, page, problems };
}
