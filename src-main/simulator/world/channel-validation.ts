import { asArray, isObject, str } from './wire';

export interface ValidationError {
  elementPath: string;
  errorMessage: string;
}

/**
 * The subset of MediaLive's channel validation the console can trip over: required encoder
 * sections, DestinationRefIds that resolve, AudioSelectorNames defined on an input attachment,
 * outputs that name existing descriptions. Paths use MediaLive's wire form ("/encoderSettings/...").
 */
export function validateChannelConfig(
  encoderSettings: unknown,
  destinations: unknown,
  inputAttachments: unknown,
): ValidationError[] {
  const errors: ValidationError[] = [];
  if (!isObject(encoderSettings)) {
    return [{ elementPath: '/encoderSettings', errorMessage: 'encoderSettings is required' }];
  }
  for (const key of ['videoDescriptions', 'audioDescriptions', 'outputGroups'] as const) {
    const v = encoderSettings[key];
    if (!Array.isArray(v) || v.length === 0) {
      errors.push({
        elementPath: `/encoderSettings/${key}`,
        errorMessage: `${key} is required and must contain at least one item`,
      });
    }
  }
  if (!isObject(encoderSettings['timecodeConfig'])) {
    errors.push({ elementPath: '/encoderSettings/timecodeConfig', errorMessage: 'timecodeConfig is required' });
  }

  const selectorNames = new Set<string>();
  for (const att of asArray(inputAttachments)) {
    if (!isObject(att) || !isObject(att['inputSettings'])) continue;
    for (const sel of asArray(att['inputSettings']['audioSelectors'])) {
      const n = isObject(sel) ? str(sel['name']) : undefined;
      if (n) selectorNames.add(n);
    }
  }
  const audioNames = new Set<string>();
  asArray(encoderSettings['audioDescriptions']).forEach((ad, i) => {
    if (!isObject(ad)) return;
    const name = str(ad['name']);
    if (name) audioNames.add(name);
    else errors.push({ elementPath: `/encoderSettings/audioDescriptions/${i}/name`, errorMessage: 'name is required' });
    const sel = str(ad['audioSelectorName']);
    if (!sel) {
      errors.push({
        elementPath: `/encoderSettings/audioDescriptions/${i}/audioSelectorName`,
        errorMessage: 'audioSelectorName is required',
      });
    } else if (!selectorNames.has(sel)) {
      errors.push({
        elementPath: `/encoderSettings/audioDescriptions/${i}/audioSelectorName`,
        errorMessage: `Audio selector [${sel}] is not defined on any input attachment`,
      });
    }
  });
  const videoNames = new Set<string>();
  asArray(encoderSettings['videoDescriptions']).forEach((vd, i) => {
    const name = isObject(vd) ? str(vd['name']) : undefined;
    if (name) videoNames.add(name);
    else errors.push({ elementPath: `/encoderSettings/videoDescriptions/${i}/name`, errorMessage: 'name is required' });
  });

  asArray(encoderSettings['outputGroups']).forEach((og, gi) => {
    if (!isObject(og)) return;
    asArray(og['outputs']).forEach((out, oi) => {
      if (!isObject(out)) return;
      const vdn = str(out['videoDescriptionName']);
      if (vdn && !videoNames.has(vdn)) {
        errors.push({
          elementPath: `/encoderSettings/outputGroups/${gi}/outputs/${oi}/videoDescriptionName`,
          errorMessage: `Video description [${vdn}] does not exist`,
        });
      }
      asArray(out['audioDescriptionNames']).forEach((an, ai) => {
        if (typeof an === 'string' && !audioNames.has(an)) {
          errors.push({
            elementPath: `/encoderSettings/outputGroups/${gi}/outputs/${oi}/audioDescriptionNames/${ai}`,
            errorMessage: `Audio description [${an}] does not exist`,
          });
        }
      });
    });
  });

  const destinationIds = new Set(
    asArray(destinations)
      .map((d) => (isObject(d) ? str(d['id']) : undefined))
      .filter(Boolean),
  );
  walk(encoderSettings, '/encoderSettings', (path, key, value) => {
    if (key === 'destinationRefId' && (typeof value !== 'string' || !destinationIds.has(value))) {
      errors.push({
        elementPath: path,
        errorMessage: `Destination [${String(value)}] is not defined in the channel destinations`,
      });
    }
  });
  return errors;
}

function walk(node: unknown, path: string, visit: (path: string, key: string, value: unknown) => void): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => walk(v, `${path}/${i}`, visit));
    return;
  }
  if (!isObject(node)) return;
  for (const [k, v] of Object.entries(node)) {
    visit(`${path}/${k}`, k, v);
    walk(v, `${path}/${k}`, visit);
  }
}
