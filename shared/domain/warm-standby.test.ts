import { describe, expect, it } from 'vitest';
import { slateAttachmentName, warmAttachments } from './warm-standby';

describe('warmAttachments', () => {
  it('finds the live and the slate attachment whatever their order', () => {
    expect(warmAttachments(['youtube-slate', 'youtube-srt'])).toEqual({
      ok: true,
      live: 'youtube-srt',
      slate: 'youtube-slate',
    });
    expect(slateAttachmentName('youtube')).toBe('youtube-slate');
  });

  it('says a channel deployed without a slate runs cold, and one without any input cannot run', () => {
    const cold = warmAttachments(['youtube-srt']);
    expect(cold).toMatchObject({ ok: false, live: 'youtube-srt' });
    expect(cold.ok ? '' : cold.why).toMatch(/no slate input attached.*runs cold/);
    expect(warmAttachments([])).toMatchObject({ ok: false, live: null, why: 'the channel has no live input attached' });
  });
});
