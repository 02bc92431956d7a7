/**
 * Days off for Viet Nam's public offices (Bộ luật Lao động 2019 art. 112, as amended in 2025 so that
 * Quốc khánh is two days), by Viet Nam calendar date, including the compensatory day when a holiday
 * falls on a weekend. CHƯA XÁC MINH (unverified): the Tết and 2/9 dates follow the usual pattern of the
 * government's yearly notice; check each year against the Ministry of Home Affairs' notice and extend
 * the table before its last year ends. Days outside `VN_HOLIDAY_YEARS` are unknown, not working days:
 * callers must not guess past the table (see addWorkingDays).
 */
export const VN_HOLIDAY_YEARS = { first: 2026, last: 2027 } as const;

export const VN_PUBLIC_HOLIDAYS: ReadonlySet<string> = new Set([
  // 2026
  '2026-01-01', // Tết Dương lịch (Thu)
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Tết Bính Ngọ (mùng 1 = 17/2), weekdays of 14–22/2
  '2026-04-27', // Giỗ tổ Hùng Vương 10/3 âm lịch = Sun 26/4, compensated Mon 27/4
  '2026-04-30', '2026-05-01', // Thống nhất, Quốc tế lao động (Thu, Fri)
  '2026-09-01', '2026-09-02', // Quốc khánh, 2 days from 2025 (2/9 Wed + 1/9)
  // 2027
  '2027-01-01', // Tết Dương lịch (Fri)
  '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', // Tết Đinh Mùi (mùng 1 = Sat 6/2), weekdays of 5–10/2
  '2027-04-16', // Giỗ tổ Hùng Vương 10/3 âm lịch (Fri)
  '2027-04-30', '2027-05-03', // 30/4 (Fri); 1/5 is a Saturday, compensated Mon 3/5
  '2027-09-02', '2027-09-03', // Quốc khánh (Thu + Fri)
]);
