/**
 * The steps of the integration guide, in the order a portal developer meets them. Each language
 * writes every step (the type makes a missing one a compile error), so both guides have the same
 * menu.
 */
export const GUIDE_SECTIONS = [
  'start', 'auth', 'quote', 'register', 'pay', 'return', 'status', 'webhooks', 'postal', 'receipts', 'refunds', 'agency', 'partners', 'local',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

export interface GuideText {
  /** The `#` heading: one entry of the reference's menu. */
  readonly title: string;
  /** Shown under the title, before the first step. */
  readonly intro: string;
  /** Each step's `##` heading (a sub-entry of the menu) and its Markdown. */
  readonly sections: Readonly<Record<GuideSection, { readonly heading: string; readonly body: string }>>;
}

export const GUIDE_LANGUAGES = ['vi', 'en'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];
