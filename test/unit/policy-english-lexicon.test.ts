import { describe, expect, it } from 'vitest';
import { isEnglishWord, isPlaceName } from '../../lib/policy/english-lexicon';

describe('isPlaceName', () => {
  it.each([
    ['Madrid', true],
    ['San Antonio, Texas', true],
    ['England and Wales', true],
    ['New York', true],
    ['United States', true],
    ['Howard Street', true],
    ['Vodafone España', false],
    ['Digital River', false],
    ['Wharf Road', false],
    ['Google', false],
    ['Nielsen', false],
    ['and', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isPlaceName(name)).toBe(expected);
  });
});

describe('isEnglishWord', () => {
  it('knows ordinary words and not company names', () => {
    expect(isEnglishWord('account')).toBe(true);
    expect(isEnglishWord('cookies')).toBe(true);
    expect(isEnglishWord('hotjar')).toBe(false);
  });
});
