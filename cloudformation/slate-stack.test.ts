/** The warm-standby parts of the channels stack: a looping slate input on every channel, the input-loss slate. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChannels, buildRoot, CFN_DIR, loadDestinations } from './generate';
import { parseCfn, type Doc } from './cfn-yaml';
import { warmAttachments } from '../shared/domain/warm-standby';

const destinations = loadDestinations(readFileSync(join(CFN_DIR, 'destinations.yaml'), 'utf8'));
const channels = buildChannels(destinations) as { Resources: Record<string, Doc>; Parameters: Doc; Outputs: Doc };
const props = (name: string) => (channels.Resources[name] as { Properties: Doc }).Properties;

describe('channels stack: warm standby', () => {
  it('every channel lists its live MEDIACONNECT attachment first and a looping slate file attachment after it', () => {
    for (const d of destinations) {
      const P = d.id
        .split('-')
        .map((p) => p[0]!.toUpperCase() + p.slice(1))
        .join('');
      const attachments = props(`Channel${P}`)['InputAttachments'] as Array<Doc & { InputSettings: Doc }>;
      expect(attachments).toHaveLength(2);
      expect(attachments[0]!['InputId']).toEqual({ Ref: `Input${P}` });
      expect(attachments[1]!['InputId']).toEqual({ Ref: `SlateInput${P}` });
      expect(attachments[1]!.InputSettings['SourceEndBehavior']).toBe('LOOP');
      const names = attachments.map((a) => String(a['InputAttachmentName']));
      expect(warmAttachments(names)).toEqual({ ok: true, live: `${d.id}-srt`, slate: `${d.id}-slate` });
      expect(props(`SlateInput${P}`)['Type']).toBe('MP4_FILE');
      const global = (props(`Channel${P}`)['EncoderSettings'] as Doc)['GlobalConfiguration'] as Doc;
      expect(global['InputLossBehavior']).toMatchObject({ InputLossImageType: 'SLATE' });
    }
  });

  it('the slate files are parameters of the root stack (an admin replaces them) and the bucket is an output', () => {
    const root = buildRoot(destinations, parseCfn(readFileSync(join(CFN_DIR, 'flow.yaml'), 'utf8'))) as {
      Parameters: Doc;
      Outputs: Doc;
    };
    expect(Object.keys(root.Parameters)).toEqual(expect.arrayContaining(['SlateClipKey', 'SlateImageKey']));
    expect(root.Outputs['SlateBucketName']).toBeDefined();
    expect(channels.Parameters['SlateClipKey']).toMatchObject({ Default: 'slate/lunora-slate.mp4' });
  });
});
