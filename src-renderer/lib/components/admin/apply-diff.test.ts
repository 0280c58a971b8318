import { describe, expect, it } from 'vitest';
import { presentChanges } from './apply-diff';

const H264 = 'VideoDescriptions[0].CodecSettings.H264Settings';
const AAC = 'AudioDescriptions[0].CodecSettings.AacSettings';

describe('presentChanges', () => {
  it('orders the changes as a person reads a preset: video, audio, output; each value in its unit', () => {
    // As the differ lists them: alphabetically by MediaLive member.
    const rows = presentChanges([
      { path: `${AAC}.Bitrate`, from: '128000', to: '160000' },
      { path: `${AAC}.SampleRate`, from: '44100', to: '48000' },
      {
        path: 'OutputGroups[0].Outputs[0].OutputSettings.RtmpOutputSettings.ConnectionRetryInterval',
        from: '2',
        to: '5',
      },
      { path: `${H264}.Bitrate`, from: '6000000', to: '4500000' },
      { path: `${H264}.EntropyEncoding`, from: 'CAVLC', to: 'CABAC' },
      { path: `${H264}.Level`, from: 'H264_LEVEL_4_1', to: 'H264_LEVEL_5' },
      { path: `${H264}.Profile`, from: 'MAIN', to: 'HIGH' },
      { path: 'VideoDescriptions[0].Height', from: '1080', to: '720' },
      { path: 'VideoDescriptions[0].Width', from: '1920', to: '1280' },
    ]);
    expect(rows.map((r) => [r.group, r.label, r.from, r.to])).toEqual([
      ['Video', 'Width', '1920 px', '1280 px'],
      ['Video', 'Height', '1080 px', '720 px'],
      ['Video', 'Video bitrate', '6 Mbps', '4.5 Mbps'],
      ['Video', 'H.264 profile', 'Main', 'High'],
      ['Video', 'H.264 level', 'level 4.1', 'level 5.0'],
      ['Video', 'Entropy encoding', 'CAVLC', 'CABAC'],
      ['Audio', 'Audio bitrate', '128 kbps', '160 kbps'],
      ['Audio', 'Audio sample rate', '44.1 kHz', '48 kHz'],
      ['Output', 'Connection retry interval', '2', '5'],
    ]);
  });

  it('shows an added or removed setting as a dash, never a raw enum or bit rate', () => {
    const [row] = presentChanges([{ path: `${H264}.MaxBitrate`, from: null, to: '8000000' }]);
    expect(row).toMatchObject({ label: 'Video max bitrate', from: '—', to: '8 Mbps' });
    const [mode] = presentChanges([{ path: `${AAC}.CodingMode`, from: 'CODING_MODE_1_0', to: 'CODING_MODE_2_0' }]);
    expect(mode).toMatchObject({ from: 'mono', to: 'stereo' });
  });
});
