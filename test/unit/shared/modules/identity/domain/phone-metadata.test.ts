import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString as parseWithMax } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseWithCore } from 'libphonenumber-js/core';
import { VIETNAM_PHONE_METADATA } from '../../../../../../shared/modules/identity/domain/phone-metadata';
import { vietnamSlice } from '../../../../../../scripts/phone-metadata';

/** What normaliseVietnamesePhone decides from a parse: a valid Vietnamese number and its type, or nothing. */
const answer = (parsed: ReturnType<typeof parseWithMax>) =>
  parsed && parsed.country === 'VN' && parsed.isValid() ? { number: parsed.number, type: parsed.getType() ?? null } : null;

describe('Viet Nam phone metadata slice', () => {
  it('is what scripts/phone-metadata.ts makes from the installed libphonenumber-js (rerun it after an upgrade)', () => {
    expect(JSON.parse(JSON.stringify(VIETNAM_PHONE_METADATA))).toEqual(JSON.parse(JSON.stringify(vietnamSlice())));
  });

  it('answers like the full max metadata for every 0xyz prefix, every length from 8 to 12 digits, national and +84 forms', () => {
    // Every mobile prefix (03x, 05x, 07x, 08x, 09x), every area code (02xx), the unassigned and retired
    // ones (01x, 016x), with subscriber digits of several shapes.
    const tails = ['1234567890', '9876543210', '0000000000', '5555555555'];
    let compared = 0;
    let valid = 0;
    for (let prefix = 0; prefix < 1000; prefix++) {
      const head = `0${String(prefix).padStart(3, '0')}`;
      for (let length = 8; length <= 12; length++) {
        for (const tail of tails) {
          const national = (head + tail).slice(0, length);
          for (const text of [national, `+84${national.slice(1)}`]) {
            const slim = answer(parseWithCore(text, 'VN', VIETNAM_PHONE_METADATA));
            expect(slim, text).toEqual(answer(parseWithMax(text, 'VN')));
            compared++;
            if (slim) valid++;
          }
        }
      }
    }
    // The sweep reaches both kinds of valid number, not only refusals.
    expect(compared).toBe(1000 * 5 * tails.length * 2);
    expect(valid).toBeGreaterThan(1000);
  });

  it('refuses a number of another country as the full metadata would (not Viet Nam either way)', () => {
    for (const text of ['+12025550123', '+442079460000', '+8613800138000', '+85621234567']) {
      expect(answer(parseWithMax(text, 'VN'))).toBeNull();
      expect(answer(parseWithCore(text, 'VN', VIETNAM_PHONE_METADATA))).toBeNull();
    }
  });
});
