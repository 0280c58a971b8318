import { WindowBoundsSchema, type WindowBounds } from '../core/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  workArea: Rect;
}

export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Height of the strip the user grabs to move a window; its middle must be on a screen. */
const TITLE_BAR = 32;

function contains(area: Rect, px: number, py: number): boolean {
  return px >= area.x && px < area.x + area.width && py >= area.y && py < area.y + area.height;
}

/**
 * Decides where a window opens from what was saved. The position is kept only if the middle
 * of the title bar lands on a display that is still connected (a booth laptop is often
 * undocked from the monitor it was last used on); otherwise the size is kept and the
 * window is centred. The size never exceeds the display it opens on.
 */
export function initialBounds(
  saved: WindowBounds | undefined,
  displays: readonly DisplayLike[],
  fallback: { width: number; height: number },
): InitialBounds {
  const primary = displays[0]?.workArea;
  const size = saved ?? fallback;
  const clamp = (area: Rect | undefined) => ({
    width: area ? Math.min(size.width, area.width) : size.width,
    height: area ? Math.min(size.height, area.height) : size.height,
  });
  const maximized = saved?.maximized === true;
  if (saved?.x !== undefined && saved.y !== undefined) {
    const { x, y } = saved;
    const host = displays.find((display) => contains(display.workArea, x + saved.width / 2, y + TITLE_BAR / 2));
    if (host) return { x, y, ...clamp(host.workArea), maximized };
  }
  return { ...clamp(primary), maximized };
}

/** What is stored: normal (un-maximised) bounds, rounded and validated, or null if unusable. */
export function boundsToSave(normal: Rect, maximized: boolean): WindowBounds | null {
  const parsed = WindowBoundsSchema.safeParse({
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    maximized,
  });
  return parsed.success ? parsed.data : null;
}
