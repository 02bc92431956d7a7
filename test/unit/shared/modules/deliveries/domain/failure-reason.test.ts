import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, FailureReasonLabels, isFailureReason } from '../../../../../../shared/modules/deliveries/domain/failure-reason';
import { FailureReasonSchema } from '../../../../../../shared/modules/deliveries/api/delivery';

describe('Enum: FailureReasonSchema', () => {
  it('lists the reasons of Postal Law Art. 17', () => {
    expect(FailureReasonSchema.options).toEqual(['bad_address', 'moved', 'not_found', 'refused', 'absent_after_invitations']);
  });

  it.each(FAILURE_REASONS)('labels %s in Vietnamese and English', (reason) => {
    expect(FailureReasonLabels[reason].vi.length).toBeGreaterThan(0);
    expect(FailureReasonLabels[reason].en.length).toBeGreaterThan(0);
  });

  it('refuses other reasons', () => {
    expect(FailureReasonSchema.safeParse('dog').success).toBe(false);
  });

  it('is built from the domain vocabulary, which the guard reads too', () => {
    expect(FailureReasonSchema.options).toEqual([...FAILURE_REASONS]);
    expect(FAILURE_REASONS.every(isFailureReason)).toBe(true);
    expect(isFailureReason('dog')).toBe(false);
    expect(isFailureReason('constructor')).toBe(false);
  });
});
