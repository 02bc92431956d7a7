import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, PARAMETER_LIMITS, renderNotice, TEMPLATES, TemplateParameterError, fitName, formatVnd } from '../../../../../../shared/modules/notifications/domain/templates';

const DOSSIER = '000.00.01.H31-261006-0001';

describe('Templates: Vietnamese messages as data', () => {
  it('renders a payment receipt with the amount the Vietnamese way and the ZNS data by parameter', () => {
    const rendered = renderNotice('payment_received', { ten: 'Nguyễn Văn A', ma_ho_so: DOSSIER, so_tien: formatVnd(205_000) });
    expect(rendered.text).toBe(`Kính gửi Nguyễn Văn A: đã nhận thanh toán 205.000 đồng cho hồ sơ ${DOSSIER}. Hồ sơ đang được giải quyết.`);
    expect(rendered.data).toEqual({ ten: 'Nguyễn Văn A', ma_ho_so: DOSSIER, so_tien: '205.000' });
    expect(rendered.templateId).toBe(TEMPLATES.payment_received.znsTemplateId);
  });

  it('uses the deployment template id over the sandbox one', () => {
    expect(renderNotice('delivered', { ten: 'A', ma_ho_so: DOSSIER }, { delivered: '987654' }).templateId).toBe('987654');
  });

  it('every template names each of its placeholders as a parameter, and nothing personal beyond the name', () => {
    for (const kind of NOTICE_KINDS) {
      const t = TEMPLATES[kind];
      const placeholders = [...t.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders, kind).toEqual(t.parameters.map((p) => p.name).sort());
      expect(t.parameters.filter((p) => p.type === 'customer_name').length, kind).toBe(1);
      expect(t.parameters.some((p) => ['address'].includes(p.type)), kind).toBe(false);
      expect([1, 2]).toContain(t.tag);
    }
  });

  it.each([
    ['a code of exactly 30 characters', 'code', 'X'.repeat(30), true],
    ['a code of 31 characters', 'code', 'X'.repeat(31), false],
    ['a 30-character Vietnamese name (counted in characters, not bytes)', 'customer_name', 'Đ'.repeat(30), true],
    ['a 31-character name', 'customer_name', 'Đ'.repeat(31), false],
  ] as const)('%s → accepted: %s', (_case, type, value, accepted) => {
    const params = type === 'code' ? { ten: 'A', ma_ho_so: value } : { ten: value, ma_ho_so: DOSSIER };
    const render = () => renderNotice('supplement_requested', params);
    if (accepted) expect(render).not.toThrow();
    else expect(render).toThrow(TemplateParameterError);
  });

  it('refuses a missing parameter and an unknown one, naming it', () => {
    expect(() => renderNotice('payment_received', { ten: 'A', ma_ho_so: DOSSIER })).toThrow(/so_tien is missing/);
    expect(() => renderNotice('delivered', { ten: 'A', ma_ho_so: DOSSIER, dia_chi: '12 Lê Lợi' })).toThrow(/unknown parameter\(s\) dia_chi/);
  });

  it('fits a long name within the customer-name limit', () => {
    const name = fitName('Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc');
    expect([...name].length).toBe(PARAMETER_LIMITS.customer_name);
    expect(name.endsWith('…')).toBe(true);
    expect(fitName('  Lê Văn B ')).toBe('Lê Văn B');
  });
});
