import { ERROR_SECTION_ANCHOR, ERROR_SECTION_HEADING } from '../../../platform/api/openapi-description';
import { ENGLISH } from './en';
import { GUIDE_LANGUAGES, GUIDE_SECTIONS, type GuideLanguage, type GuideText } from './sections';
import { VIETNAMESE } from './vi';

export { API_TAGS } from './tags';
export { GUIDE_LANGUAGES, GUIDE_SECTIONS, type GuideLanguage, type GuideText } from './sections';

/**
 * The integration guide for portal developers, in Vietnamese and English: Markdown for the
 * `info.description` of the OpenAPI document, where Redoc turns each `#` heading into an entry of its
 * menu and each `##` step into a sub-entry. Every text of the guide lives in this folder.
 */
export const GUIDES: Readonly<Record<GuideLanguage, GuideText>> = { vi: VIETNAMESE, en: ENGLISH };

/** Where Redoc puts each guide (the slug of its title; a browser test follows these links). */
export const GUIDE_ANCHORS: Readonly<Record<GuideLanguage, string>> = {
  vi: '#section/Huong-dan-tich-hop-Tieng-Viet',
  en: '#section/Integration-guide-English',
};

/** One language's guide as Markdown: its title, introduction and numbered steps. */
export function guideMarkdown(language: GuideLanguage): string {
  const guide = GUIDES[language];
  const steps = GUIDE_SECTIONS.map((key) => `## ${guide.sections[key].heading}\n\n${guide.sections[key].body.trim()}`);
  return [`# ${guide.title}`, guide.intro.trim(), ...steps].join('\n\n');
}

/** Both guides, Vietnamese first, after a line that points a reader to their language and to the error table. */
export function integrationGuide(): string {
  const links = `**Tiếng Việt:** [${GUIDES.vi.title}](${GUIDE_ANCHORS.vi}) · **English:** [${GUIDES.en.title}](${GUIDE_ANCHORS.en}) · [${ERROR_SECTION_HEADING}](${ERROR_SECTION_ANCHOR})`;
  return [links, ...GUIDE_LANGUAGES.map(guideMarkdown)].join('\n\n');
}
