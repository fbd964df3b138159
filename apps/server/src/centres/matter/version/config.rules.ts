import { registryEffectLabels, type MatterConfig, type SituationQuestion } from '@jsga/contracts';
import { matterErrors } from '../matter.errors';

export type ConfigProblem = { path: string; message: string };

const MAX_DEPTH = 5;

/** Visits every question of the situation tree, parents first, with its path (`situations[a].options[b].children[c]`). */
export function walkQuestions(questions: SituationQuestion[], visit: (q: SituationQuestion, path: string, depth: number) => void, prefix = 'situations', depth = 1) {
  for (const q of questions) {
    const path = `${prefix}[${q.key}]`;
    visit(q, path, depth);
    for (const o of q.options) walkQuestions(o.children, visit, `${path}.options[${o.key}].children`, depth + 1);
  }
}

const dupes = (keys: string[]) => [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];

/** Everything the schema cannot see on its own: uniqueness, references between parts, limits that depend on each other. */
export function findConfigProblems(config: MatterConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const materialCodes = config.materials.map((m) => m.code);
  for (const code of dupes(materialCodes)) problems.push({ path: `materials[${code}]`, message: `材料编码“${code}”重复` });
  config.materials.forEach((m) => {
    if (m.source === 'elicense' && !m.elicenseType) problems.push({ path: `materials[${m.code}].elicenseType`, message: `材料“${m.name}”来源为电子证照，须填写证照类型` });
  });
  if (config.statutoryLimitDays !== null && config.promisedLimitDays !== null && config.promisedLimitDays > config.statutoryLimitDays) {
    problems.push({ path: 'promisedLimitDays', message: '承诺时限不能超过法定时限' });
  }
  if (config.feeFen > 0 && !config.feeNote) problems.push({ path: 'feeNote', message: '收费事项须填写收费依据及标准说明' });
  const effect = config.bindings.registryEffect;
  if (effect && !registryEffectLabels[effect]) {
    problems.push({ path: 'bindings.registryEffect', message: `办结生效“${effect}”不是已实现的业务作用（可选：${Object.keys(registryEffectLabels).join('、')}）` });
  }

  const known = new Set(materialCodes);
  const questionKeys: string[] = [];
  walkQuestions(config.situations, (q, path, depth) => {
    questionKeys.push(q.key);
    if (depth > MAX_DEPTH) problems.push({ path, message: `情形问题最多嵌套${MAX_DEPTH}层` });
    for (const key of dupes(q.options.map((o) => o.key))) problems.push({ path: `${path}.options[${key}]`, message: `问题“${q.text}”的选项标识“${key}”重复` });
    for (const o of q.options) {
      for (const code of [...o.effects.addMaterials, ...o.effects.removeMaterials]) {
        if (!known.has(code)) problems.push({ path: `${path}.options[${o.key}].effects`, message: `选项“${o.label}”引用了不存在的材料“${code}”` });
      }
      if (o.effects.eligibilityMessage && !o.effects.eligibilityRule) {
        problems.push({ path: `${path}.options[${o.key}].effects.eligibilityRule`, message: `选项“${o.label}”有资格提示但没有资格规则` });
      }
    }
  });
  for (const key of dupes(questionKeys)) problems.push({ path: `situations[${key}]`, message: `情形问题标识“${key}”重复` });
  return problems;
}

export function assertValidConfig(config: MatterConfig) {
  const problems = findConfigProblems(config);
  if (problems.length) throw matterErrors.CONFIG_INVALID({ problems });
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Removes repeats from the enum lists and derives online/offline availability from the channels when they are given. */
export function normaliseConfig(config: MatterConfig): MatterConfig {
  const channels = unique(config.channels);
  return {
    ...config,
    handlingModes: unique(config.handlingModes),
    applicantTypes: unique(config.applicantTypes),
    channels,
    zones: unique(config.zones),
    isOnline: channels.length ? channels.some((c) => c === 'online' || c === 'mobile') : config.isOnline,
    isOffline: channels.length ? channels.some((c) => c === 'window' || c === 'kiosk') : config.isOffline,
  };
}
