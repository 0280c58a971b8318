import type { Page } from 'playwright-core';

/**
 * In-page timing for every UI figure: what the screen showed and when is measured inside the page, never with
 * Playwright's selector waits (their polling backs off to 500 ms, which would be counted as the console's).
 *
 * "Painted" is the first animation frame after the DOM change: a MutationObserver sees the change, asks for the
 * next frame, and the frame's time is taken in a task posted from its requestAnimationFrame callback, which runs
 * after that frame's style, layout and paint.
 */

/** One screen change as the page saw it. */
export interface Painted {
  /** performance.now() when the DOM first matched. */
  mutatedAt: number;
  /** performance.now() in that frame's requestAnimationFrame callback (before its style, layout and paint). */
  frameAt: number;
  /** performance.now() after the next frame was rendered. */
  paintedAt: number;
  /** Date.now() at the same moment as paintedAt: the wall clock the simulator (in Node) also reads. */
  paintedEpoch: number;
  /** event.timeStamp of the last keydown before the change (same timeline as performance.now()), or null. */
  keyAt: number | null;
}

export interface FrameRecord {
  /** Deltas between consecutive requestAnimationFrame callbacks, ms. */
  frameDeltas: number[];
  /** Durations of the long tasks (over 50 ms) the PerformanceObserver reported, ms. */
  longTasks: number[];
  /** Tiles that changed state on screen (data-state attribute changes). */
  stateChanges: number;
}

/** A picture as the page painted it: when it was made (its data-captured-at) and when it was on screen. */
export interface PaintedPicture {
  /** The element's data-key attribute (a destination id), or ''. */
  key: string;
  /** Epoch ms the picture was made (the element's data-captured-at). */
  capturedAt: number;
  /** Date.now() once the decoded picture was in a rendered frame. */
  paintedEpoch: number;
}

interface BenchTiming {
  /** Starts watching for `selector` to match; the change must come after this call. */
  watch(selector: string): number;
  /** The watch's result, once painted (rejects after timeoutMs). */
  result(id: number, timeoutMs: number): Promise<Painted>;
  startFrames(): void;
  stopFrames(): FrameRecord;
  /** Records every new picture (an img's src) under `selector` with a data-captured-at, once decoded and painted. */
  startPictures(selector: string, keyAttribute: string): void;
  stopPictures(): PaintedPicture[];
}

type BenchWindow = Window & { __benchTiming?: BenchTiming };

/** Runs in the page (serialized by Playwright): no imports, no closures over Node values. */
function installInPage(): void {
  const w = window as BenchWindow;
  if (w.__benchTiming) return;
  let lastKeyAt: number | null = null;
  window.addEventListener('keydown', (e) => (lastKeyAt = e.timeStamp), { capture: true });

  const afterNextFrame = (): Promise<{ frameAt: number; at: number; epoch: number }> =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frameAt, at: performance.now(), epoch: Date.now() });
        channel.port2.postMessage(null);
      }),
    );

  const watches = new Map<number, Promise<Painted>>();
  let nextId = 1;
  let frames: {
    deltas: number[];
    longTasks: number[];
    stateChanges: number;
    running: boolean;
    observers: { disconnect(): void }[];
  } | null = null;

  let pictures: { seen: PaintedPicture[]; observer: MutationObserver } | null = null;

  w.__benchTiming = {
    watch(selector) {
      if (document.querySelector(selector)) throw new Error(`already on screen before the change: ${selector}`);
      const id = nextId++;
      watches.set(
        id,
        new Promise<Painted>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            const mutatedAt = performance.now();
            const keyAt = lastKeyAt;
            void afterNextFrame().then(({ frameAt, at, epoch }) =>
              resolve({ mutatedAt, frameAt, paintedAt: at, paintedEpoch: epoch, keyAt }),
            );
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }),
      );
      return id;
    },
    result(id, timeoutMs) {
      const watched = watches.get(id);
      if (!watched) return Promise.reject(new Error(`no watch ${id}`));
      watches.delete(id);
      return Promise.race([
        watched,
        new Promise<Painted>((_, reject) =>
          setTimeout(() => reject(new Error(`not painted in ${timeoutMs} ms`)), timeoutMs),
        ),
      ]);
    },
    startFrames() {
      const deltas: number[] = [];
      const longTasks: number[] = [];
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      tasks.observe({ type: 'longtask', buffered: false });
      const states = new MutationObserver((list) => (record.stateChanges += list.length));
      states.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      const record = { deltas, longTasks, stateChanges: 0, running: true, observers: [tasks, states] };
      frames = record;
      let last: number | null = null;
      const onFrame = (t: number) => {
        if (!record.running) return;
        if (last !== null) deltas.push(t - last);
        last = t;
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
    },
    startPictures(selector, keyAttribute) {
      const seen: PaintedPicture[] = [];
      const record = (img: HTMLImageElement) => {
        const capturedAt = Number(img.dataset['capturedAt']);
        if (!Number.isFinite(capturedAt) || capturedAt <= 0) return;
        const key = img.closest(`[${keyAttribute}]`)?.getAttribute(keyAttribute) ?? '';
        // decode() resolves once the picture can be drawn; the next rendered frame is the one that shows it.
        void img
          .decode()
          .catch(() => undefined)
          .then(() => afterNextFrame())
          .then(({ epoch }) => seen.push({ key, capturedAt, paintedEpoch: epoch }));
      };
      const observer = new MutationObserver((list) => {
        const changed = new Set<HTMLImageElement>();
        for (const m of list) {
          const nodes = m.type === 'attributes' ? [m.target] : [...m.addedNodes];
          for (const node of nodes) {
            if (!(node instanceof Element)) continue;
            const imgs = node instanceof HTMLImageElement ? [node] : [...node.querySelectorAll('img')];
            for (const img of imgs) if (img.matches(selector)) changed.add(img);
          }
        }
        changed.forEach(record);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
      pictures = { seen, observer };
    },
    stopPictures() {
      if (!pictures) throw new Error('startPictures first');
      pictures.observer.disconnect();
      const out = pictures.seen;
      pictures = null;
      return out;
    },
    stopFrames() {
      if (!frames) throw new Error('startFrames first');
      frames.running = false;
      for (const observer of frames.observers) observer.disconnect();
      const out = { frameDeltas: frames.deltas, longTasks: frames.longTasks, stateChanges: frames.stateChanges };
      frames = null;
      return out;
    },
  };
}

/**
 * Installs the helper in the page (now and on every later navigation). As source text: tsx names inner functions
 * with an `__name` helper that exists only in Node, so the page gets a no-op one.
 */
export async function installPageTiming(page: Page): Promise<void> {
  const script = `(() => { const __name = (fn) => fn; (${installInPage.toString()})(); })();`;
  await page.addInitScript({ content: script });
  await page.evaluate(script);
}

/**
 * Does `act` and returns when the page painted `selector` matching (it must not match before): the change the
 * act causes, as the operator sees it.
 */
export async function paintedAfter(
  page: Page,
  selector: string,
  act: () => unknown,
  timeoutMs = 30_000,
): Promise<Painted> {
  const id = await page.evaluate((s) => (window as BenchWindow).__benchTiming!.watch(s), selector);
  await act();
  return page.evaluate(([i, t]) => (window as BenchWindow).__benchTiming!.result(i, t), [id, timeoutMs] as const);
}

/** Records frame deltas and long tasks while `during` runs. */
export async function recordFrames(page: Page, during: () => Promise<void>): Promise<FrameRecord> {
  await page.evaluate(() => (window as BenchWindow).__benchTiming!.startFrames());
  await during();
  return page.evaluate(() => (window as BenchWindow).__benchTiming!.stopFrames());
}

/** Records the pictures painted under `selector` (see startPictures) while `during` runs. */
export async function recordPictures(
  page: Page,
  selector: string,
  keyAttribute: string,
  during: () => Promise<void>,
): Promise<PaintedPicture[]> {
  await page.evaluate(([s, k]) => (window as BenchWindow).__benchTiming!.startPictures(s, k), [
    selector,
    keyAttribute,
  ] as const);
  await during();
  return page.evaluate(() => (window as BenchWindow).__benchTiming!.stopPictures());
}
