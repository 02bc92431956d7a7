import type { BilingualText } from '../../../platform/kernel/vocabulary';
import type { FeeInputs } from './fee-inputs';
import type { FeeRule, FeeSchedule } from './fee-schedule';

export type FeeInputName = keyof FeeInputs;

/** One input a procedure's fees read: whether a quote fails without it, and what it means. */
export interface InputNeed {
  readonly name: FeeInputName;
  /** true: a quote or registration without it is refused (MISSING_INPUT); false: it changes the amount when given. */
  readonly required: boolean;
  /** Set when only the price of one channel reads it (an online price per unit). */
  readonly channel?: 'online';
  readonly description: BilingualText;
}

/** What each input means in general; a procedure of the catalogue may say it more precisely. */
export const INPUT_MEANINGS: Readonly<Record<FeeInputName, BilingualText>> = {
  pages: { vi: 'Số trang của giấy tờ (tính cho mỗi bản)', en: 'Pages of the document (per copy)' },
  copies: { vi: 'Số bản cần cấp hoặc chứng thực', en: 'Number of copies requested' },
  signatures: { vi: 'Số chữ ký cần chứng thực', en: 'Number of signatures to certify' },
  persons: { vi: 'Số người trong hồ sơ', en: 'Number of persons the dossier covers' },
  certificates: { vi: 'Số giấy chứng nhận, bản trích lục cần cấp', en: 'Number of certificates or extracts requested' },
  declaredValue: { vi: 'Giá trị kê khai (đồng)', en: 'Declared value in VND' },
  applicantType: { vi: 'Người nộp là cá nhân (individual) hay tổ chức (organisation)', en: 'Whether the applicant is an individual or an organisation' },
  assetType: { vi: 'Loại tài sản theo biểu phí của thủ tục', en: 'Kind of asset, as the procedure\u2019s fee schedule names it' },
  onTime: { vi: 'Đăng ký trong thời hạn luật định (true) hay quá hạn (false)', en: 'Whether the registration is made within the legal time limit' },
};

type Need = Omit<InputNeed, 'description'>;

function needsOfRule(rule: FeeRule): Need[] {
  const online: Need[] = rule.online?.type === 'amount' && rule.online.per ? [{ name: rule.online.per, required: true, channel: 'online' }] : [];
  switch (rule.type) {
    case 'flat':
      return online;
    case 'per_unit':
      // A missing multiplier counts as one (one copy).
      return [{ name: rule.unit, required: true }, ...(rule.multiplier ? [{ name: rule.multiplier, required: false }] : []), ...online];
    case 'base_plus_surcharge':
      return [{ name: rule.unit, required: true }, ...online];
    case 'percent_of_value':
    case 'marginal_bands':
      return [{ name: 'declaredValue', required: true }, ...online];
    case 'matrix':
      return [{ name: 'applicantType', required: true }, { name: 'assetType', required: true }, ...online];
  }
}

/**
 * The inputs a schedule's rules and reductions read, each once: required when any rule needs it on
 * every channel, with the procedure's own wording of its meaning where the catalogue gives one.
 */
export function inputNeeds(schedule: Pick<FeeSchedule, 'rules' | 'reductions'>, meanings: Partial<Record<FeeInputName, BilingualText>> = {}): InputNeed[] {
  const needs = [
    ...schedule.rules.flatMap(needsOfRule),
    ...schedule.reductions.flatMap((r): Need[] => (r.trigger.type === 'input' ? [{ name: r.trigger.input, required: false }] : [])),
  ];
  const merged = new Map<FeeInputName, Need>();
  for (const need of needs) {
    const seen = merged.get(need.name);
    if (!seen) merged.set(need.name, need);
    else if (need.required && (!seen.required || (seen.channel && !need.channel))) merged.set(need.name, need);
  }
  return [...merged.values()].map((need) => ({ ...need, description: meanings[need.name] ?? INPUT_MEANINGS[need.name] }));
}
