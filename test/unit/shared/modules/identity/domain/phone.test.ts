import { describe, expect, it } from 'vitest';
import { normaliseVietnamesePhone } from '../../../../../../shared/modules/identity/domain/phone';

describe('Function: normaliseVietnamesePhone', () => {
  // domain.md: mobile is 0 + 9 digits, the first digit after 0 being 3, 5, 7, 8 or 9.
  it.each([
    ['0912345678', '+84912345678'],
    ['0961234567', '+84961234567'],
    ['0991234567', '+84991234567'],
    ['0312345678', '+84312345678'],
    ['0523456789', '+84523456789'],
    ['0561234567', '+84561234567'],
    ['0581234567', '+84581234567'],
    ['0701234567', '+84701234567'],
    ['0771234567', '+84771234567'],
    ['0791234567', '+84791234567'],
    ['0812345678', '+84812345678'],
    ['0861234567', '+84861234567'],
    ['0898123456', '+84898123456'],
  ])('accepts the mobile number %s as %s', (input, e164) => {
    expect(normaliseVietnamesePhone(input)).toEqual({ e164, kind: 'mobile' });
  });

  it.each([
    ['+84912345678'],
    ['+84 912 345 678'],
    ['84912345678'],
    ['84 91 234 5678'],
    ['84-912-345-678'],
    ['0084912345678'],
    ['+84 (0) 912 345 678'],
    ['+840912345678'],
    ['0913 456 789'],
    ['091-234-5678'],
    ['  0912345678  '],
  ])('normalises the written form %j', (input) => {
    expect(normaliseVietnamesePhone(input)?.e164).toMatch(/^\+849\d{8}$/);
  });

  it.each([
    ['02439421234', '+842439421234', 'Hà Nội (024)'],
    ['(024) 3825 6789', '+842438256789', 'Hà Nội (024), written with brackets'],
    ['+84 24 3825 6789', '+842438256789', 'Hà Nội, international form'],
    ['02838221234', '+842838221234', 'TP. Hồ Chí Minh (028)'],
    ['+84 28 3822 1234', '+842838221234', 'TP. Hồ Chí Minh, international form'],
    ['02253842000', '+842253842000', 'Hải Phòng (0225)'],
    ['0225 3842 000', '+842253842000', 'Hải Phòng, with spaces'],
    ['84 225 3842 000', '+842253842000', 'Hải Phòng, 84 without plus'],
    ['02363822222', '+842363822222', 'Đà Nẵng (0236)'],
    ['02923822222', '+842923822222', 'Cần Thơ (0292)'],
  ])('accepts the fixed line %s as %s: %s', (input, e164) => {
    expect(normaliseVietnamesePhone(input)).toEqual({ e164, kind: 'fixed_line' });
  });

  it.each([
    ['0112345678', 'unassigned 01x prefix'],
    ['0162345678', 'retired 016x mobile prefix (moved to 03x in 2018)'],
    ['0212345678', '02xx area code with a subscriber number one digit short'],
    ['021234567', '02 short'],
    ['0241234567', 'Hà Nội area code with a 7-digit subscriber'],
    ['0412345678', 'unassigned 04 prefix'],
    ['0600000000', 'unassigned 06 prefix'],
    ['091234567', 'mobile one digit short'],
    ['09123456789', 'mobile one digit long'],
    ['+8491234567', '+84 one digit short'],
    ['+849123456789', '+84 one digit long'],
    ['0812', 'far too short'],
    ['1900123456', 'premium-rate service number'],
    ['+12025550123', 'United States'],
    ['+33612345678', 'France'],
    ['+855 12 345 678', 'Cambodia'],
    ['+86 138 0013 8000', 'China'],
    ['091234567a', 'a letter in the digits'],
    ['abc', 'no digits'],
    ['', 'empty'],
  ])('refuses %j (%s)', (input) => {
    expect(normaliseVietnamesePhone(input)).toBeUndefined();
  });
});
