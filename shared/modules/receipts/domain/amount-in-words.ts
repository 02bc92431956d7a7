/**
 * An amount of đồng in Vietnamese words, as a receipt must print it ("Số tiền bằng chữ"). The
 * conventions followed are the common ones of Vietnamese invoices: "mốt" for a final 1 after 20,
 * "lăm" for a final 5 after 10, "linh" for a zero tens digit inside a group, "không trăm" for a zero
 * hundreds digit in a group that follows a larger one, and "tỷ" repeated for every nine digits.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu'] as const;

function digit(n: number): string {
  return DIGITS[n]!;
}

/** Words for 0 < n < 1000; `full` when a larger group precedes it (so "không trăm" and "linh" are spoken). */
function group(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else if (units === 4 && tens >= 2) words.push('tư');
  else words.push(digit(units));
  return words;
}

/** Words for a whole number below one billion (tỷ); `full` as in {@link group}. */
function belowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000) % 1000, Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  groups.forEach((value, index) => {
    if (value === 0) return;
    words.push(...group(value, full || words.length > 0), SCALES[2 - index]!);
  });
  return words.filter((w) => w !== '');
}

function spell(n: number): string[] {
  if (n < 1_000_000_000) return belowBillion(n, false);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  return [...spell(billions), 'tỷ', ...(rest > 0 ? belowBillion(rest, true) : [])];
}

/** `125000` → "Một trăm hai mươi lăm nghìn đồng"; a negative amount (an adjustment) reads "Âm …". */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of đồng: ${amount}`);
  const words = amount === 0 ? ['không'] : spell(Math.abs(amount));
  const text = [...(amount < 0 ? ['âm'] : []), ...words, 'đồng'].join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
