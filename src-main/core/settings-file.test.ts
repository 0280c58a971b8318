import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../shared/domain/cost';
import { DEFAULT_OPERATOR_SETTINGS } from '../../shared/domain/operator-settings';
import { createFileSettingsStore, defaultWebSettingsPath } from './settings-file';

describe('file settings store (web preview)', () => {
  it('keeps what was saved for the next run, owner-readable only', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'booth-settings-')), 'nested', 'settings.json');
    const store = createFileSettingsStore(file);
    store.update((s) => ({
      ...s,
      connection: { profile: 'booth', region: 'eu-west-1', stackName: 'show', ssoSessionMinutes: 600 },
    }));
    expect(createFileSettingsStore(file).get().connection).toEqual({
      profile: 'booth',
      region: 'eu-west-1',
      stackName: 'show',
      ssoSessionMinutes: 600,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).connection.profile).toBe('booth');
  });

  it('falls back to defaults for a damaged or missing file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-settings-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(createFileSettingsStore(path.join(dir, 'bad.json')).get().connection.profile).toBeNull();
    expect(createFileSettingsStore(path.join(dir, 'none.json')).get().connection.stackName).toBe('lunora-booth');
  });

  it('lives where LUNORA_SETTINGS_FILE says, else in the config folder', () => {
    expect(defaultWebSettingsPath({ LUNORA_SETTINGS_FILE: 'x/y.json' })).toBe(path.resolve('x/y.json'));
    expect(defaultWebSettingsPath({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/lunora-booth/web-preview-settings.json');
  });
});

describe('rate card saved by an earlier build', () => {
  it('still reads, keeps the rest of the settings, and gets the new rates and their AWS pages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-settings-'));
    const file = path.join(dir, 'settings.json');
    const earlierCard = {
      medialiveInputPerHour: 0.15,
      medialiveHdOutputPerHour: 0.45,
      medialiveHdHighFpsOutputPerHour: 0.45,
      medialiveSdOutputPerHour: 0.22,
      mediaconnectFlowPerHour: 0.08,
      dataTransferPerGb: 0.09,
      source: 'eu-west-1, checked in November',
    };
    const operator = { ...DEFAULT_OPERATOR_SETTINGS, monthlyBudgetUsd: 650, rateCard: earlierCard };
    const saved = { connection: { profile: 'booth', region: 'eu-west-1', stackName: 'show' }, operator };
    writeFileSync(file, JSON.stringify(saved));
    const settings = createFileSettingsStore(file).get();
    expect(settings.connection.profile).toBe('booth');
    expect(settings.operator.monthlyBudgetUsd).toBe(650);
    expect(settings.operator.rateCard).toMatchObject({
      medialiveInputPerHour: 0.15,
      mediaconnectFlowPerHour: 0.08,
      // The >30 fps tier carried the <=30 fps price "until checked": it gets the estimate, twice that rate.
      medialiveHdHighFpsOutputPerHour: 0.9,
      medialiveIdleChannelPerHour: DEFAULT_RATE_CARD.medialiveIdleChannelPerHour,
      medialiveIdlePushInputPerHour: DEFAULT_RATE_CARD.medialiveIdlePushInputPerHour,
      mediaconnectDataPerGb: DEFAULT_RATE_CARD.mediaconnectDataPerGb,
      cloudwatchPerThousandMetrics: DEFAULT_RATE_CARD.cloudwatchPerThousandMetrics,
      source: 'eu-west-1, checked in November',
      pages: DEFAULT_RATE_CARD.pages,
    });
  });

  it('leaves a >30 fps rate that was set on its own as it is', () => {
    const rateCard = { ...DEFAULT_RATE_CARD, medialiveHdHighFpsOutputPerHour: 0.7 };
    const { pages: _none, ...earlier } = rateCard;
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-settings-'));
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ operator: { ...DEFAULT_OPERATOR_SETTINGS, rateCard: earlier } }));
    expect(createFileSettingsStore(file).get().operator.rateCard.medialiveHdHighFpsOutputPerHour).toBe(0.7);
  });
});
