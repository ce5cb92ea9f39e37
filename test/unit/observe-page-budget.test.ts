import { describe, expect, it } from 'vitest';
import { PageBudget } from '../../lib/observe/page-budget';

describe('PageBudget', () => {
  it('records a page’s reports up to its budget, per page view', () => {
    const budget = new PageBudget(100);
    expect(budget.take(1, 'https://a.test/', 60)).toBe(60);
    expect(budget.take(1, 'https://a.test/', 60)).toBe(40);
    expect(budget.take(1, 'https://a.test/', 1_000)).toBe(0);
    expect(budget.take(2, 'https://b.test/', 10)).toBe(10);
    expect(budget.take(1, 'https://b.test/', 10)).toBe(10);
  });

  it('forgets the oldest pages of a long crawl rather than growing', () => {
    const budget = new PageBudget(1);
    for (let i = 0; i < 2_000; i++) budget.take(1, `https://a.test/${i}`, 2);
    // The first page was forgotten: it starts again; the last is remembered, its budget spent.
    expect(budget.take(1, 'https://a.test/0', 1)).toBe(1);
    expect(budget.take(1, 'https://a.test/1999', 1)).toBe(0);
  });
});
