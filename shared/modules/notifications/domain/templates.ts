import { InvalidInputError } from '../../../platform/kernel/errors';

/**
 * The Vietnamese messages, kept as data. Each has the id of its approved ZNS template (the ids below
 * are this project's sandbox ids: a deployment names the OA's approved ones with ZALO_TEMPLATE_IDS),
 * its parameters with the ZNS type that bounds their length, and the text SMS and email send and the
 * sandbox phone renders. A body never carries personal data beyond the name and the dossier number.
 */

/** ZNS parameter types and their maximum lengths [V @warriorteam/redai-zalo-sdk zns.d.ts]; `url` is ours (button links, unverified). */
export const PARAMETER_LIMITS = {
  customer_name: 30,
  code: 30,
  label: 30,
  transaction_status: 30,
  amount: 20,
  address: 200,
  url: 200,
} as const;
export type ParameterType = keyof typeof PARAMETER_LIMITS;

export const NOTICE_KINDS = [
  'payment_received',
  'payment_failed',
  'supplement_requested',
  'result_ready',
  'parcel_handed_over',
  'delivery_attempt_failed',
  'returned_to_agency',
  'delivered',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface TemplateParameter {
  readonly name: string;
  readonly type: ParameterType;
}

export interface NoticeTemplate {
  readonly kind: NoticeKind;
  /** Sandbox ZNS template id; replaced per deployment (ZALO_TEMPLATE_IDS). */
  readonly znsTemplateId: string;
  /** ZNS tag: 1 transaction, 2 customer care (dossier progress is one or the other, never promotion). */
  readonly tag: 1 | 2;
  readonly subject: string;
  readonly parameters: readonly TemplateParameter[];
  /** `{name}` placeholders, one per parameter. */
  readonly text: string;
}

const NAME = { name: 'ten', type: 'customer_name' } as const;
const CODE = { name: 'ma_ho_so', type: 'code' } as const;

export const TEMPLATES: Readonly<Record<NoticeKind, NoticeTemplate>> = {
  payment_received: {
    kind: 'payment_received', znsTemplateId: '410001', tag: 1, subject: 'Đã nhận thanh toán phí hồ sơ',
    parameters: [NAME, CODE, { name: 'so_tien', type: 'amount' }],
    text: 'Kính gửi {ten}: đã nhận thanh toán {so_tien} đồng cho hồ sơ {ma_ho_so}. Hồ sơ đang được giải quyết.',
  },
  payment_failed: {
    kind: 'payment_failed', znsTemplateId: '410002', tag: 1, subject: 'Thanh toán phí hồ sơ chưa thành công',
    parameters: [NAME, CODE, { name: 'lien_ket', type: 'url' }],
    text: 'Kính gửi {ten}: thanh toán cho hồ sơ {ma_ho_so} chưa thành công. Vui lòng thanh toán lại tại {lien_ket}',
  },
  supplement_requested: {
    kind: 'supplement_requested', znsTemplateId: '410003', tag: 2, subject: 'Hồ sơ cần bổ sung',
    parameters: [NAME, CODE],
    text: 'Kính gửi {ten}: hồ sơ {ma_ho_so} cần bổ sung giấy tờ. Vui lòng xem yêu cầu trên Cổng dịch vụ công.',
  },
  result_ready: {
    kind: 'result_ready', znsTemplateId: '410004', tag: 2, subject: 'Đã có kết quả hồ sơ',
    parameters: [NAME, CODE, { name: 'cach_nhan', type: 'label' }],
    text: 'Kính gửi {ten}: hồ sơ {ma_ho_so} đã có kết quả. Cách nhận: {cach_nhan}.',
  },
  parcel_handed_over: {
    kind: 'parcel_handed_over', znsTemplateId: '410005', tag: 2, subject: 'Kết quả hồ sơ đã giao bưu điện',
    parameters: [NAME, CODE, { name: 'ma_buu_gui', type: 'code' }],
    text: 'Kính gửi {ten}: kết quả hồ sơ {ma_ho_so} đã giao bưu điện, mã bưu gửi {ma_buu_gui}.',
  },
  delivery_attempt_failed: {
    kind: 'delivery_attempt_failed', znsTemplateId: '410006', tag: 2, subject: 'Bưu điện phát không thành công',
    parameters: [NAME, CODE, { name: 'ly_do', type: 'transaction_status' }],
    text: 'Kính gửi {ten}: bưu điện chưa phát được kết quả hồ sơ {ma_ho_so}. Lý do: {ly_do}.',
  },
  returned_to_agency: {
    kind: 'returned_to_agency', znsTemplateId: '410007', tag: 2, subject: 'Kết quả hồ sơ đã chuyển hoàn',
    parameters: [NAME, CODE],
    text: 'Kính gửi {ten}: kết quả hồ sơ {ma_ho_so} đã chuyển hoàn về cơ quan. Vui lòng nhận tại bộ phận một cửa.',
  },
  delivered: {
    kind: 'delivered', znsTemplateId: '410008', tag: 2, subject: 'Đã phát kết quả hồ sơ',
    parameters: [NAME, CODE],
    text: 'Kính gửi {ten}: kết quả hồ sơ {ma_ho_so} đã được phát thành công. Cảm ơn Quý khách.',
  },
};

export class TemplateParameterError extends InvalidInputError {
  override readonly code = 'TEMPLATE_PARAMETER_INVALID';
}

export interface RenderedNotice {
  readonly kind: NoticeKind;
  readonly templateId: string;
  /** ZNS `template_data`. */
  readonly data: Readonly<Record<string, string>>;
  /** What SMS and email send. */
  readonly text: string;
  readonly subject: string;
}

/**
 * The message of a kind with these parameters; every parameter present, none longer than its ZNS
 * type allows (Zalo answers -1121/-1122 otherwise, after the message was counted against quota).
 */
export function renderNotice(kind: NoticeKind, params: Readonly<Record<string, string>>, templateIds: Partial<Record<NoticeKind, string>> = {}): RenderedNotice {
  const template = TEMPLATES[kind];
  const data: Record<string, string> = {};
  for (const p of template.parameters) {
    const value = params[p.name]?.trim();
    if (!value) throw new TemplateParameterError(`${kind}: parameter ${p.name} is missing`);
    if ([...value].length > PARAMETER_LIMITS[p.type]) throw new TemplateParameterError(`${kind}: parameter ${p.name} is longer than ${PARAMETER_LIMITS[p.type]} characters (${p.type})`);
    data[p.name] = value;
  }
  const extra = Object.keys(params).filter((name) => !template.parameters.some((p) => p.name === name));
  if (extra.length > 0) throw new TemplateParameterError(`${kind}: unknown parameter(s) ${extra.join(', ')}`);
  const text = template.text.replace(/\{(\w+)\}/g, (_, name: string) => data[name]!);
  return { kind, templateId: templateIds[kind] ?? template.znsTemplateId, data, text, subject: template.subject };
}

/** A name cut to the ZNS customer-name limit on a character boundary (names are the one free-text parameter). */
export function fitName(fullName: string): string {
  const chars = [...fullName.trim()];
  return chars.length <= PARAMETER_LIMITS.customer_name ? chars.join('') : chars.slice(0, PARAMETER_LIMITS.customer_name - 1).join('') + '…';
}

/** Integer VND written the Vietnamese way: 205.000 */
export function formatVnd(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
