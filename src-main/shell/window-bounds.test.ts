import { describe, expect, it } from 'vitest';
import { boundsToSave, initialBounds } from './window-bounds';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 870 } };
const monitorLeft = { workArea: { x: -2560, y: 0, width: 2560, height: 1400 } };
const fallback = { width: 1280, height: 800 };

describe('initialBounds', () => {
  it('uses the fallback size, centred, when nothing was saved', () => {
    expect(initialBounds(undefined, [laptop], fallback)).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('restores a position on a connected display, including one left of the primary', () => {
    expect(initialBounds({ x: -2000, y: 100, width: 1600, height: 900 }, [laptop, monitorLeft], fallback)).toEqual({
      x: -2000,
      y: 100,
      width: 1600,
      height: 900,
      maximized: false,
    });
  });

  it('drops the position when the title bar would be off every display', () => {
    expect(initialBounds({ x: -2000, y: 100, width: 1600, height: 900 }, [laptop], fallback)).toEqual({
      width: 1440,
      height: 870,
      maximized: false,
    });
    // Title bar above the top of the screen: the window could not be dragged back.
    expect(initialBounds({ x: 10, y: -200, width: 800, height: 600 }, [laptop], fallback)).toEqual({
      width: 800,
      height: 600,
      maximized: false,
    });
  });

  it('shrinks a saved size to the display it opens on', () => {
    expect(initialBounds({ x: 0, y: 0, width: 2560, height: 1400 }, [laptop], fallback)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
      maximized: false,
    });
  });

  it('carries the maximised flag', () => {
    expect(initialBounds({ width: 900, height: 700, maximized: true }, [laptop], fallback).maximized).toBe(true);
  });
});

describe('boundsToSave', () => {
  it('rounds and validates', () => {
    expect(boundsToSave({ x: 1.6, y: 2.2, width: 900.5, height: 640 }, true)).toEqual({
      x: 2,
      y: 2,
      width: 901,
      height: 640,
      maximized: true,
    });
    expect(boundsToSave({ x: 0, y: 0, width: 10, height: 10 }, false)).toBeNull();
  });
});
