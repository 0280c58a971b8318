import { describe, expect, it } from 'vitest';
import { routeKey, type KeyContext } from './key-routing';

const base: KeyContext = { key: '1', modalOpen: false, drawerOpen: false, inField: false };

describe('routeKey', () => {
  it('gives a tile key to the console with nothing open', () => {
    expect(routeKey(base)).toBe('console');
  });

  it('gives the arm, take and End all keys to the console while a drawer is open and focus is not in a field', () => {
    for (const key of ['1', 'Enter', 'e', '?']) expect(routeKey({ ...base, key, drawerOpen: true })).toBe('console');
  });

  it('types a digit into a focused field in a drawer instead of arming', () => {
    expect(routeKey({ ...base, key: '3', drawerOpen: true, inField: true })).toBe('field');
    expect(routeKey({ ...base, key: 'Enter', drawerOpen: true, inField: true })).toBe('field');
  });

  it('closes the drawer on Escape before anything is disarmed, even from a field', () => {
    expect(routeKey({ ...base, key: 'Escape', drawerOpen: true })).toBe('close-drawer');
    expect(routeKey({ ...base, key: 'Escape', drawerOpen: true, inField: true })).toBe('close-drawer');
  });

  it('lets Escape reach the console (disarm) once no drawer is open', () => {
    expect(routeKey({ ...base, key: 'Escape' })).toBe('console');
  });

  it('leaves every key to a modal dialog, drawer or not', () => {
    for (const key of ['1', 'Enter', 'Escape', 'e'])
      expect(routeKey({ ...base, key, modalOpen: true, drawerOpen: true })).toBe('dialog');
  });

  it('keeps a field outside any drawer typing its own keys', () => {
    expect(routeKey({ ...base, key: 'Escape', inField: true })).toBe('field');
  });
});
