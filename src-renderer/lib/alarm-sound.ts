/**
 * A short two-tone beep from Web Audio (no sound file to ship, nothing fetched). Browsers keep an AudioContext
 * suspended until the page has had a user gesture; an operator console has had plenty by the time an alarm comes.
 */
let context: AudioContext | null = null;

export function beepAlarm(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    void ctx.resume();
    const start = ctx.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 660],
    ] as const) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio device, or audio refused: the alarm is still on the tile, in the tray and on the desktop.
  }
}
