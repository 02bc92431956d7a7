import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../../../shared/platform/http/language';

describe('Function: languageOf', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['vi', 'vi'],
    ['VI-vn', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['en;q=0.5, vi;q=0.6', 'vi'],
    ['fr-FR,fr;q=0.9,vi;q=0.5', 'vi'],
    ['vi;q=0, en', 'en'],
    ['fr', 'en'],
    ['*', 'en'],
    ['vi;q=abc', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(languageOf(header)).toBe(expected);
  });
});
