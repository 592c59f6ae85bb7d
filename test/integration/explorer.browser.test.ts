/**
 * The graph explorer in a real browser (Debian's chromium through playwright-core): the service
 * on a loaded graph, /explore loaded, a search for 芦淞区, the neighbourhood drawn by Cytoscape,
 * a node clicked on the canvas and expanded, the evidence sentence in the side panel and its
 * story opened. Saves test-artifacts/explorer.png. Skipped, with the reason printed, when
 * /usr/bin/chromium is missing (apt-get install -y chromium); it never downloads a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { apiRouters } from '../../src/api/routers';
import { startServer, type RunningServer } from '../../src/api/server';
import { ROOT_DIR } from '../../src/config';
import { EVIDENCE, IDS, loadExportFixture } from './export-fixture';
import { resetDatabase, testConfig, testDriver } from './harness';

jest.setTimeout(120_000);

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT_DIR, 'test-artifacts');
const noChromium = fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install -y chromium)`;
if (noChromium) process.stderr.write(`explorer.browser: skipping the browser test: ${noChromium}\n`);

interface CyWindow {
  explorer: {
    cy: {
      nodes(): { length: number; map<T>(fn: (node: { id(): string }) => T): T[] };
      getElementById(id: string): { nonempty(): boolean; renderedPosition(): { x: number; y: number } };
    };
  };
}

describe('the graph explorer at /explore', () => {
  const config = testConfig();
  let driver: Driver;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await loadExportFixture(driver, config.neo4j.database);
    server = await startServer({
      api: config.api,
      driver,
      database: config.neo4j.database,
      transactionTimeoutMs: 10_000,
      routers: apiRouters({ driver, database: config.neo4j.database, config }),
    });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await driver.close();
  });

  it('serves the page, its script and style, and Cytoscape from node_modules', async () => {
    const expectations: Array<[string, RegExp]> = [
      ['/explore', /^text\/html/],
      ['/explore/explorer.js', /^text\/javascript/],
      ['/explore/explorer.css', /^text\/css/],
      ['/explore/vendor/cytoscape.min.js', /^text\/javascript/],
    ];
    for (const [route, type] of expectations) {
      const response = await fetch(`${base}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
    }
    const vendored = await (await fetch(`${base}/explore/vendor/cytoscape.min.js`)).text();
    expect(vendored).toBe(fs.readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8'));
    // Only the listed files: the router's own source is not reachable.
    expect((await fetch(`${base}/explore/explorer.router.ts`)).status).toBe(404);
  });

  (noChromium ? describe.skip : describe)('in chromium', () => {
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Waits until the element's text is exactly `text` (jest has no Playwright expect). */
    const waitText = (selector: string, text: string) =>
      explain(page.waitForFunction(([sel, want]) => document.querySelector(sel!)?.textContent === want, [selector, text] as const, { timeout: 15_000 }));

    /** On a timeout, says what the page's status line showed (a GraphQL error, say). */
    const explain = async <T>(waiting: Promise<T>): Promise<T> => {
      try {
        return await waiting;
      } catch (error) {
        const status = await page.locator('#status').textContent().catch(() => '(no status)');
        throw new Error(`${error instanceof Error ? error.message : String(error)}; page status: ${status}; page errors: ${pageErrors.join(' | ')}`);
      }
    };

    const nodeCount = () => page.evaluate(() => (window as unknown as CyWindow).explorer.cy.nodes().length);

    it('searches, draws the neighbourhood, expands a clicked node and shows the evidence', async () => {
      await page.goto(`${base}/explore`);
      await page.fill('#search', '芦淞区');
      const first = page.locator('#results li[data-id]').first();
      await first.waitFor();
      expect(await first.getAttribute('data-id')).toBe(IDS.lusong);
      await first.dispatchEvent('mousedown');

      await explain(page.waitForFunction(() => (window as unknown as CyWindow).explorer.cy.nodes().length > 1, undefined, { timeout: 15_000 }));
      await waitText('#panel h2', '芦淞区');
      const ids = await page.evaluate(() => (window as unknown as CyWindow).explorer.cy.nodes().map((node) => node.id()));
      // Its street, its parent, the programme it ran and the bureau based there are drawn.
      expect(ids).toEqual(expect.arrayContaining([IDS.lusong, IDS.dongjiadun, IDS.zhuzhou, IDS.startup, IDS.lusongRensheju]));
      const before = await nodeCount();

      // Click 董家墩街道 on the canvas, as a user would, to expand it.
      const graphBox = (await page.locator('#graph').boundingBox())!;
      const position = await page.evaluate(
        (id) => (window as unknown as CyWindow).explorer.cy.getElementById(id).renderedPosition(),
        IDS.dongjiadun,
      );
      await page.mouse.click(graphBox.x + position.x, graphBox.y + position.y);
      await page.waitForFunction((id) => location.hash === `#entity=${encodeURIComponent(id)}`, IDS.dongjiadun);
      await waitText('#panel h2', '董家墩街道');
      await page.waitForFunction((n) => (window as unknown as CyWindow).explorer.cy.nodes().length > n, before);
      expect(await nodeCount()).toBeGreaterThan(before);
      expect(await page.evaluate((id) => (window as unknown as CyWindow).explorer.cy.getElementById(id).nonempty(), IDS.fair)).toBe(true);

      // The panel quotes the sentence that says who ran what there, linked to its story.
      const sentences = await page.locator('#panel .evidence blockquote').allTextContents();
      expect(sentences).toEqual(expect.arrayContaining([EVIDENCE.fairRun, EVIDENCE.fairHeld]));

      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png') });

      await page.locator('#panel .evidence .source a').first().click();
      await waitText('#panel h2', '董家墩街道举办春风行动招聘会');
      await waitText('#panel .story-body mark', EVIDENCE.fairRun);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-story.png') });

      expect(pageErrors).toEqual([]);
      // Everything came from the service itself: no CDN, no other host.
      for (const url of requests) expect(url.startsWith(base)).toBe(true);
      expect(requests).toContain(`${base}/explore/vendor/cytoscape.min.js`);
    });

    it('finds places by pinyin and opens a deep link', async () => {
      await page.goto(`${base}/explore`);
      await page.fill('#search', 'lusong');
      await page.locator('#results li[data-id]').first().waitFor();
      expect(await page.locator('#results li[data-id]').first().getAttribute('data-id')).toBe(IDS.lusong);
      await page.goto(`${base}/explore#entity=${encodeURIComponent(IDS.rensheju)}`);
      await waitText('#panel h2', '株洲市人力资源和社会保障局');
      expect(await page.locator('#panel .evidence blockquote').allTextContents()).toContain(EVIDENCE.fairRun);
    });
  });
});
