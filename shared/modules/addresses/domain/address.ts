/**
 * A Vietnamese postal address since 2025-07-01: province and commune by their official codes (there
 * are no districts any more) and the street part as the recipient writes it.
 */
export interface Address {
  /** 2-digit province code (mã đơn vị hành chính cấp tỉnh). */
  readonly provinceCode: string;
  /** 5-digit commune code (mã đơn vị hành chính cấp xã), leading zeros kept. */
  readonly communeCode: string;
  /** House number, street, hamlet (thôn / tổ dân phố). */
  readonly street: string;
}
