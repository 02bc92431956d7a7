import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../../../../shared/modules/national-portal/domain/replies';

describe('Function: classifyReply', () => {
  it.each([
    ['"0" is success', 200, { error_code: '0', message: 'Đồng bộ thành công' }, 'ok'],
    ['"00" is success', 200, { error_code: '00', message: '' }, 'ok'],
    ['the number 0 is success', 200, { error_code: 0 }, 'ok'],
    ['" 0 " is success once trimmed', 200, { error_code: ' 0 ' }, 'ok'],
    ['"thành công" in the message is not success on its own', 200, { error_code: '-1', message: 'Không thành công' }, 'rejected'],
    ['a success text with no code is unreadable, retried', 200, { message: 'thành công' }, 'unavailable'],
    ['"-3" with "đã tồn tại" means update instead', 200, { error_code: '-3', message: 'Hồ sơ H31 đã tồn tại' }, 'exists'],
    ['"3" with "already exists" means update instead', 200, { error_code: 3, message: 'Dossier already exists' }, 'exists'],
    ['"3" without that text is a refusal', 200, { error_code: '3', message: 'Sai định dạng' }, 'rejected'],
    ['an expired session code', 200, { error_code: '401', message: 'Phiên làm việc hết hạn' }, 'session_rejected'],
    ['HTTP 401', 401, undefined, 'session_rejected'],
    ['HTTP 503', 503, { error_code: '-99' }, 'unavailable'],
    ['HTTP 429', 429, undefined, 'unavailable'],
    ['an unreadable 200', 200, undefined, 'unavailable'],
    ['a 400 without a body', 400, undefined, 'rejected'],
    ['any other code', 200, { error_code: '-1', message: 'Dữ liệu không hợp lệ' }, 'rejected'],
  ])('%s', (_case, status, body, kind) => {
    expect(classifyReply(status, body).kind).toBe(kind);
  });

  it('keeps the code as a trimmed string and shortens the message', () => {
    expect(classifyReply(200, { error_code: 7, message: 'x'.repeat(1_000) })).toEqual({ kind: 'rejected', code: '7', message: 'x'.repeat(300) });
  });
});
